namespace QuantFunctions.Core.Tournaments;

/// <summary>What every cell of a tournament shares: the selection floor and lookbacks, and annualisation.</summary>
public sealed record CellSpec
{
    /// <summary>
    /// The HTR winner floor of each book's selection (<see cref="Selection.SelectionOptions.Floor"/>; the winner floor gate
    /// asks for at least <see cref="ScoreboardGates.MinWinners"/>).
    /// </summary>
    public int Floor { get; init; } = 15;

    /// <summary>Selection lookback (sessions, <see cref="Selection.SelectionOptions.Lookback"/>), unless the cell sets its own.</summary>
    public int Lookback { get; init; } = 60;

    /// <summary>Sessions of atom returns the engine estimates risk on.</summary>
    public int AllocationLookback { get; init; } = 60;

    /// <summary>Periods per year (365 for 24×7, 252 for sessions).</summary>
    public int PeriodsPerYear { get; init; } = 365;
}
