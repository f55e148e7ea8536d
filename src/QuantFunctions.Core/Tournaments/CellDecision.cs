using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;
using QuantFunctions.Core.Sleeves;
using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Tournaments;

/// <summary>
/// A cell's decision on one training window: the standard selects the books, the engine allocates each, the risk
/// profile combines them (<see cref="RiskProfiles"/>). The books come selected (<see cref="TournamentBooks"/>: one of
/// <see cref="SelectionStandards.All"/> under HTR v3.4, from the feature store as of the window's last date, the short
/// book disjoint from the long); a book with no winners (features still warming up) holds cash.
/// </summary>
public static class CellDecision
{
    /// <summary>Checks that the cell's standard and profile are known.</summary>
    /// <exception cref="TournamentException">An unknown standard or profile.</exception>
    public static void Validate(TournamentCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        cell.Selection.Validate(cell.Id);
        RiskProfiles.Require(cell.Profile, cell.Id);
    }

    /// <summary>
    /// The decision on <paramref name="window"/> (only the rows known at the rebalance) from the window's
    /// <paramref name="books"/> (<see cref="TournamentBooks"/>): the engine allocates each book the profile needs.
    /// </summary>
    public static WindowDecision Decide(ReturnPanel window, WindowBooks books, TournamentCell cell, CellSpec spec)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(books);
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(spec);
        var sleeve = new SleeveSpec
        {
            Universe = "tournament", Direction = Direction.Long, Selection = cell.Selection.Options(spec),
            AllocationLookback = spec.AllocationLookback, Engine = cell.Engine, PeriodsPerYear = spec.PeriodsPerYear,
        };
        SleeveAllocation? longBook = SleeveStrategy.Decide(window, books.Long, sleeve);
        double[] weights = Weights(longBook, window.Columns);
        int winners = longBook?.Atoms.Count ?? 0;
        bool integrity = Signs(longBook, window.Columns, weights, 1);
        if (RiskProfiles.NeedsShortBook(cell.Profile))
        {
            SleeveAllocation? shortBook = SleeveStrategy.Decide(window, books.Short, sleeve with { Direction = Direction.Short });
            double[] shorts = Weights(shortBook, window.Columns);
            integrity &= Signs(shortBook, window.Columns, shorts, -1);
            winners = Math.Min(winners, shortBook?.Atoms.Count ?? 0);
            RiskProfiles.Apply(cell.Profile, weights, shorts);
            integrity &= Disjoint(longBook, shortBook);
        }
        else
        {
            RiskProfiles.Apply(cell.Profile, weights, []);
        }

        return new WindowDecision(weights, winners, integrity);
    }

    /// <summary>The book's positions aligned to the columns; all zero (cash) for a book with no winners.</summary>
    private static double[] Weights(SleeveAllocation? book, string[] columns) =>
        book is null ? new double[columns.Length] : SleeveStrategy.Align(book.Positions, columns);

    /// <summary>Every held name is one of the book's atoms and points the book's way (<paramref name="sign"/> +1 long, −1 short).</summary>
    private static bool Signs(SleeveAllocation? book, string[] columns, double[] weights, int sign)
    {
        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (StrategyAtom atom in book?.Atoms ?? [])
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
    private static bool Disjoint(SleeveAllocation? longBook, SleeveAllocation? shortBook)
    {
        if (longBook is null || shortBook is null)
        {
            return true;
        }

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
