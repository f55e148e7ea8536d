using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Sleeves;
using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Tournaments;

/// <summary>
/// A cell's decision on one training window: the standard selects the books, the engine allocates each, the risk
/// profile combines them (<see cref="RiskProfiles"/>). The selection standard is a string id passed through from the
/// manifest; the standards this build knows are <see cref="Standards"/> (momentum — <see cref="SleeveStrategy"/>).
/// </summary>
public static class CellDecision
{
    /// <summary>Trailing momentum, top (long book) and bottom (short book) N (<see cref="SleeveStrategy.Select"/>).</summary>
    public const string Momentum = "momentum";

    /// <summary>The selection standards this build knows.</summary>
    public static IReadOnlyList<string> Standards { get; } = [Momentum];

    /// <summary>Checks that the cell's standard and profile are known.</summary>
    /// <exception cref="TournamentException">An unknown standard or profile.</exception>
    public static void Validate(TournamentCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (!Standards.Contains(cell.Standard))
        {
            throw new TournamentException(ErrorCodes.TournamentCellInvalid,
                $"Tournament cell '{cell.Id}': unknown selection standard '{cell.Standard}' (known: {string.Join(", ", Standards)}).", cell.Id);
        }

        RiskProfiles.Require(cell.Profile, cell.Id);
    }

    /// <summary>The decision on <paramref name="window"/> (only the rows known at the rebalance).</summary>
    public static WindowDecision Decide(ReturnPanel window, TournamentCell cell, CellSpec spec)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(spec);
        var sleeve = new SleeveSpec
        {
            Universe = "tournament", Direction = Direction.Long, TopN = spec.TopN, Lookback = cell.Lookback ?? spec.Lookback, Skip = spec.Skip,
            AllocationLookback = spec.AllocationLookback, Engine = cell.Engine, PeriodsPerYear = spec.PeriodsPerYear,
        };
        SleeveAllocation longBook = SleeveStrategy.Decide(window, sleeve);
        double[] weights = SleeveStrategy.Align(longBook.Positions, window.Columns);
        int winners = longBook.Atoms.Count;
        bool integrity = Signs(longBook, window.Columns, weights, 1);
        if (RiskProfiles.NeedsShortBook(cell.Profile))
        {
            SleeveAllocation shortBook = SleeveStrategy.Decide(window, sleeve with { Direction = Direction.Short });
            double[] shorts = SleeveStrategy.Align(shortBook.Positions, window.Columns);
            integrity &= Signs(shortBook, window.Columns, shorts, -1);
            winners = Math.Min(winners, shortBook.Atoms.Count);
            RiskProfiles.Apply(cell.Profile, weights, shorts);
            integrity &= Disjoint(longBook, shortBook);
        }
        else
        {
            RiskProfiles.Apply(cell.Profile, weights, []);
        }

        return new WindowDecision(weights, winners, integrity);
    }

    /// <summary>Every held name is one of the book's atoms and points the book's way (<paramref name="sign"/> +1 long, −1 short).</summary>
    private static bool Signs(SleeveAllocation book, string[] columns, double[] weights, int sign)
    {
        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (StrategyAtom atom in book.Atoms)
        {
            members.Add(atom.Asset.Value);
        }

        for (int i = 0; i < weights.Length; i++)
        {
            bool wrongWay = weights[i] * sign < 0;
            bool outsider = weights[i] != 0 && !members.Contains(columns[i]);
            if (wrongWay || outsider)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A name in both books would net its directions away: integrity requires disjoint books.</summary>
    private static bool Disjoint(SleeveAllocation longBook, SleeveAllocation shortBook)
    {
        var shorts = new HashSet<string>(StringComparer.Ordinal);
        foreach (StrategyAtom atom in shortBook.Atoms)
        {
            shorts.Add(atom.Asset.Value);
        }

        foreach (StrategyAtom atom in longBook.Atoms)
        {
            if (shorts.Contains(atom.Asset.Value))
            {
                return false;
            }
        }

        return true;
    }
}
