namespace QuantFunctions.Core.Tournaments;

/// <summary>What every cell of a tournament shares: the selection size and lookbacks, and annualisation.</summary>
public sealed record CellSpec
{
    /// <summary>Names selected per book (the winner floor gate asks for at least <see cref="ScoreboardGates.MinWinners"/>).</summary>
    public int TopN { get; init; } = 15;

    /// <summary>Momentum lookback (sessions), unless the cell sets its own.</summary>
    public int Lookback { get; init; } = 60;

    /// <summary>Most recent sessions skipped by momentum.</summary>
    public int Skip { get; init; }

    /// <summary>Sessions of atom returns the engine estimates risk on.</summary>
    public int AllocationLookback { get; init; } = 60;

    /// <summary>Periods per year (365 for 24×7, 252 for sessions).</summary>
    public int PeriodsPerYear { get; init; } = 365;
}
