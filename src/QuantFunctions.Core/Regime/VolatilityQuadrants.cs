namespace QuantFunctions.Core.Regime;

/// <summary>
/// Classifies each day of a benchmark return series into a <see cref="VolatilityQuadrant"/>, causally (day t sees
/// days ≤ t only).
/// </summary>
/// <remarks>
/// Trend axis: the mean of the last <see cref="TrendWindow"/> returns (fewer at the start) is ≥ 0 → BULL, else BEAR.
/// Volatility axis: the sample standard deviation of the last <see cref="ShortWindow"/> returns above that of the last
/// <see cref="LongWindow"/> returns → VOLATILE, else QUIET (a window shorter than 2 returns counts as QUIET).
/// This is the "volatility quadrant" of seed 000 §10.2 step 6 built from the market series alone: volatility
/// expanding or contracting relative to its own year, in a rising or falling market.
/// </remarks>
public static class VolatilityQuadrants
{
    /// <summary>Returns in the trend mean.</summary>
    public const int TrendWindow = 63;

    /// <summary>Returns in the short-term volatility.</summary>
    public const int ShortWindow = 21;

    /// <summary>Returns in the long-term volatility.</summary>
    public const int LongWindow = 252;

    /// <summary>The quadrant of every day.</summary>
    /// <param name="returns">Benchmark returns, oldest first, finite.</param>
    public static VolatilityQuadrant[] Classify(ReadOnlySpan<double> returns)
    {
        var result = new VolatilityQuadrant[returns.Length];
        for (int t = 0; t < returns.Length; t++)
        {
            bool bull = Mean(returns, t, TrendWindow) >= 0;
            bool volatile_ = StandardDeviation(returns, t, ShortWindow) > StandardDeviation(returns, t, LongWindow);
            result[t] = (bull, volatile_) switch
            {
                (true, false) => VolatilityQuadrant.BullQuiet,
                (true, true) => VolatilityQuadrant.BullVolatile,
                (false, false) => VolatilityQuadrant.BearQuiet,
                _ => VolatilityQuadrant.BearVolatile,
            };
        }

        return result;
    }

    /// <summary>The artifact spelling, e.g. <c>BULL_QUIET</c>.</summary>
    /// <param name="quadrant">The quadrant.</param>
    public static string Name(VolatilityQuadrant quadrant) => quadrant switch
    {
        VolatilityQuadrant.BullQuiet => "BULL_QUIET",
        VolatilityQuadrant.BullVolatile => "BULL_VOLATILE",
        VolatilityQuadrant.BearQuiet => "BEAR_QUIET",
        _ => "BEAR_VOLATILE",
    };

    private static double Mean(ReadOnlySpan<double> r, int t, int window)
    {
        int start = Math.Max(0, t - window + 1);
        double s = 0;
        for (int i = start; i <= t; i++)
        {
            s += r[i];
        }

        return s / (t - start + 1);
    }

    private static double StandardDeviation(ReadOnlySpan<double> r, int t, int window)
    {
        int start = Math.Max(0, t - window + 1), n = t - start + 1;
        if (n < 2)
        {
            return 0;
        }

        double m = Mean(r, t, window), ss = 0;
        for (int i = start; i <= t; i++)
        {
            double z = r[i] - m;
            ss += z * z;
        }

        return Math.Sqrt(ss / (n - 1));
    }
}
