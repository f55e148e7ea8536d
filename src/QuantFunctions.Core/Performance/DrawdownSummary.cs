namespace QuantFunctions.Core.Performance;

/// <summary>The drawdown metrics of quantstats' <c>_calc_dd</c> from the episodes of a drawdown series.</summary>
internal sealed record DrawdownSummary(double Max, DrawdownPeriod? Deepest, int LongestDays, int LongestPeriods, double Average, double AverageDays, int Episodes)
{
    /// <summary>Summarises the drawdown series.</summary>
    /// <param name="drawdowns">Drawdown per period (≤ 0).</param>
    /// <param name="dates">Dates, or empty.</param>
    public static DrawdownSummary Of(ReadOnlySpan<double> drawdowns, ReadOnlySpan<DateOnly> dates)
    {
        DrawdownPeriod[] episodes = DrawdownAnalysis.Episodes(drawdowns, dates);
        if (episodes.Length == 0)
        {
            return new DrawdownSummary(0, null, 0, 0, 0, 0, 0);
        }

        DrawdownPeriod deepest = episodes[0];
        int longestDays = 0, longestPeriods = 0;
        double depthSum = 0, daysSum = 0;
        foreach (DrawdownPeriod e in episodes)
        {
            if (e.MaxDrawdown < deepest.MaxDrawdown)
            {
                deepest = e;
            }

            longestDays = Math.Max(longestDays, e.Days ?? 0);
            longestPeriods = Math.Max(longestPeriods, e.Periods);
            depthSum += e.MaxDrawdown;
            daysSum += e.Days ?? 0;
        }

        return new DrawdownSummary(deepest.MaxDrawdown, deepest, longestDays, longestPeriods, depthSum / episodes.Length, daysSum / episodes.Length, episodes.Length);
    }
}
