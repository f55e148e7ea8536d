namespace QuantFunctions.Core.Backtesting;

/// <summary>What <see cref="SimulatorParity.Check"/> measured on one plan, and whether each check is within its bound.</summary>
/// <param name="Days">Stream days compared.</param>
/// <param name="FrictionlessMaxDiffT2">Frictionless, daily-held decisions: max over days of |r_T2 − r_T1|.</param>
/// <param name="FrictionlessMaxDiffT3">The same for T3: max over days of |r_T3 − r_T1|.</param>
/// <param name="FrictionlessTolerance">The bound on both (<see cref="SimulatorParity.FrictionlessTolerance"/>).</param>
/// <param name="FrictionMaxGap">With the run's slippage and commission: max over days of |E_T3/E_T2 − 1|.</param>
/// <param name="FrictionWorstRatio">Max over days of the gap divided by that day's derived bound (≤ 1 passes).</param>
/// <param name="FrictionBoundAtEnd">The derived bound accumulated to the last day.</param>
/// <param name="GrossSharpe">T2's Sharpe ratio before costs.</param>
/// <param name="NetSharpe">T2's Sharpe ratio after costs.</param>
/// <param name="MaxFrictionDecay">The largest friction decay (gross − net Sharpe) accepted.</param>
public sealed record SimulatorParityReport(
    int Days,
    double FrictionlessMaxDiffT2,
    double FrictionlessMaxDiffT3,
    double FrictionlessTolerance,
    double FrictionMaxGap,
    double FrictionWorstRatio,
    double FrictionBoundAtEnd,
    double GrossSharpe,
    double NetSharpe,
    double MaxFrictionDecay)
{
    /// <summary>Gross minus net Sharpe ratio of T2 (the scoreboard's friction decay).</summary>
    public double FrictionDecay => GrossSharpe - NetSharpe;

    /// <summary>T1, T2 and T3 agree to <see cref="FrictionlessTolerance"/> without friction.</summary>
    public bool FrictionlessAgrees => FrictionlessMaxDiffT2 <= FrictionlessTolerance && FrictionlessMaxDiffT3 <= FrictionlessTolerance;

    /// <summary>With friction, T3 stays within the derived bound of T2 on every day.</summary>
    public bool FrictionWithinBound => FrictionWorstRatio <= 1;

    /// <summary>The friction decay is finite, not negative and at most <see cref="MaxFrictionDecay"/>.</summary>
    public bool DecayWithinBound => double.IsFinite(FrictionDecay) && FrictionDecay >= 0 && FrictionDecay <= MaxFrictionDecay;

    /// <summary>Every check is within its bound.</summary>
    public bool WithinBounds => FrictionlessAgrees && FrictionWithinBound && DecayWithinBound;
}
