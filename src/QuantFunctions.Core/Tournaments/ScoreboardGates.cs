namespace QuantFunctions.Core.Tournaments;

/// <summary>
/// The strict gates a cell must pass to be a candidate (and then beat every baseline's net Sharpe). Defaults:
/// net Sharpe ≥ 0.5, max drawdown no deeper than 35 %, at least 4 windows, at least 15 names selected in every window
/// (the seeds' winner floor), and directional integrity in every window.
/// </summary>
public sealed record ScoreboardGates
{
    /// <summary>Minimum annualised Sharpe after friction.</summary>
    public double MinSharpe { get; init; } = 0.5;

    /// <summary>Deepest drawdown allowed, as a positive fraction (0.35 = −35 %).</summary>
    public double MaxDrawdown { get; init; } = 0.35;

    /// <summary>Minimum number of walk-forward windows.</summary>
    public int MinWindows { get; init; } = 4;

    /// <summary>Winner floor: names selected in every window.</summary>
    public int MinWinners { get; init; } = 15;

    /// <summary>Whether every window must keep directional integrity.</summary>
    public bool RequireIntegrity { get; init; } = true;
}
