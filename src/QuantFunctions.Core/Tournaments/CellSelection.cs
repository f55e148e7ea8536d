using System.Globalization;
using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Selection;

namespace QuantFunctions.Core.Tournaments;

/// <summary>
/// What a cell's books depend on — its selection standard, selection lookback and rebalance step — and nothing else:
/// cells that differ only in engine, risk profile or simulator share one. Its <see cref="Id"/> is the item of the
/// tournament's selection node (<c>v3_4</c>, or <c>v3_4__60__20</c> with lookback and step), the projection of the
/// cells' matrix onto its standards (lookbacks, steps) axes.
/// </summary>
/// <param name="Standard">The selection standard as a for_each item (<c>v3_4</c> = v3.4).</param>
/// <param name="Lookback">The selection lookback override (sessions), or null for the tournament's.</param>
/// <param name="Step">The rebalance step override (sessions), or null for the tournament's.</param>
public sealed record CellSelection(string Standard, int? Lookback = null, int? Step = null)
{
    /// <summary>The selection node's item.</summary>
    public string Id => Lookback is null
        ? Standard
        : string.Join(TournamentCell.Separator, Standard, Lookback.Value.ToString(CultureInfo.InvariantCulture), Step!.Value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Parses a selection item of one or three parts.</summary>
    /// <exception cref="TournamentException">Another number of parts, or a lookback or step that is not a positive integer.</exception>
    public static CellSelection Parse(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        string[] parts = id.Split(TournamentCell.Separator);
        if (parts.Length is not (1 or 3))
        {
            throw new TournamentException(ErrorCodes.TournamentCellInvalid,
                $"Tournament selection '{id}': expected standard[__lookback__step], got {parts.Length} part(s).", id);
        }

        return parts.Length == 1
            ? new CellSelection(parts[0])
            : new CellSelection(parts[0], TournamentCell.Positive(parts[1], id, "lookback"), TournamentCell.Positive(parts[2], id, "step"));
    }

    /// <summary>Checks that the standard is known.</summary>
    /// <param name="owner">The id the error names: the cell's, or (null) this selection's.</param>
    /// <exception cref="TournamentException">An unknown standard.</exception>
    public void Validate(string? owner = null)
    {
        if (!SelectionStandards.IsKnown(Standard.Replace('_', '.')))
        {
            string what = owner is null ? $"selection '{Id}'" : $"cell '{owner}'";
            throw new TournamentException(ErrorCodes.TournamentCellInvalid,
                $"Tournament {what}: unknown selection standard '{Standard}' (known, with _ for .: {string.Join(", ", SelectionStandards.All)}).", owner ?? Id);
        }
    }

    /// <summary>The walk-forward windows: the step, when set, replaces the options' step and test window.</summary>
    public WalkForwardOptions Windows(WalkForwardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Step is int step ? options with { StepDays = step, TestDays = step } : options;
    }

    /// <summary>The selection options of each book: the standard, the lookback (the cell's or the tournament's) and the floor.</summary>
    public SelectionOptions Options(CellSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new SelectionOptions { Standard = Standard.Replace('_', '.'), Lookback = Lookback ?? spec.Lookback, Floor = spec.Floor };
    }
}
