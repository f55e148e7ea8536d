namespace QuantFunctions.Core.Regime;

/// <summary>The regime of every day after the feature warm-up, decoded by Viterbi, with the day's quadrant.</summary>
/// <param name="Dates">The days (those of the input after the warm-up).</param>
/// <param name="States">The decoded HMM state per day.</param>
/// <param name="Labels">The label per day.</param>
/// <param name="Quadrants">The volatility quadrant per day.</param>
/// <param name="WarmupDropped">Leading input days without a full feature window (dropped, counted).</param>
public sealed record RegimeSeries(DateOnly[] Dates, int[] States, RegimeLabel[] Labels, VolatilityQuadrant[] Quadrants, int WarmupDropped)
{
    /// <summary>The label of the last day (the as-of regime).</summary>
    public RegimeLabel Current => Labels[^1];

    /// <summary>The quadrant of the last day.</summary>
    public VolatilityQuadrant CurrentQuadrant => Quadrants[^1];
}
