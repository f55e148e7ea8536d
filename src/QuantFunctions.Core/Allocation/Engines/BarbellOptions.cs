namespace QuantFunctions.Core.Allocation.Engines;

/// <summary>Settings of <see cref="BarbellEngine"/>; validated by the engine's constructor.</summary>
public sealed record BarbellOptions
{
    /// <summary>Fraction f of the budget in the minimum-variance core; 1 − f goes to the satellite.</summary>
    /// <value>0.8.</value>
    public double CoreFraction { get; init; } = 0.8;

    /// <summary>Number of satellite assets (top by score); null = max(1, round(N/10)).</summary>
    public int? SatelliteCount { get; init; }

    /// <summary>How assets are ranked.</summary>
    /// <value><see cref="BarbellScore.Skewness"/>.</value>
    public BarbellScore Score { get; init; } = BarbellScore.Skewness;

    /// <summary>Scores per asset when <see cref="Score"/> is <see cref="BarbellScore.Provided"/>.</summary>
    public IReadOnlyList<double>? Scores { get; init; }
}
