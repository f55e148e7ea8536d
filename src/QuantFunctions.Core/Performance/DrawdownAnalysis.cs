namespace QuantFunctions.Core.Performance;

/// <summary>
/// Splits a drawdown series (<see cref="EquityCurve.Drawdowns"/>) into episodes, as quantstats'
/// <c>drawdown_details</c>: an episode starts at the first period with a drawdown ≠ 0 and ends at the last
/// period before the drawdown is 0 again (or at the last period when it never recovers); its length in days is
/// <c>(end − start).days + 1</c>.
/// </summary>
public static class DrawdownAnalysis
{
    /// <summary>The drawdown episodes in time order.</summary>
    /// <param name="drawdowns">Drawdown after each period (≤ 0).</param>
    /// <param name="dates">One date per period, or empty for an undated series (no dates and no day counts).</param>
    /// <returns>The episodes; empty when the series is never below its peak.</returns>
    /// <exception cref="ArgumentException">When dates are given with another length.</exception>
    public static DrawdownPeriod[] Episodes(ReadOnlySpan<double> drawdowns, ReadOnlySpan<DateOnly> dates = default)
    {
        bool dated = !dates.IsEmpty;
        if (dated && dates.Length != drawdowns.Length)
        {
            throw new ArgumentException("dates must be empty or have the length of drawdowns.", nameof(dates));
        }

        var episodes = new List<DrawdownPeriod>();
        int t = 0;
        while (t < drawdowns.Length)
        {
            if (drawdowns[t] == 0)
            {
                t++;
                continue;
            }

            int start = t, valley = t;
            while (t < drawdowns.Length && drawdowns[t] != 0)
            {
                if (drawdowns[t] < drawdowns[valley])
                {
                    valley = t;
                }

                t++;
            }

            int end = t - 1;
            episodes.Add(dated
                ? new DrawdownPeriod(start, valley, end, drawdowns[valley], dates[start], dates[valley], dates[end], dates[end].DayNumber - dates[start].DayNumber + 1)
                : new DrawdownPeriod(start, valley, end, drawdowns[valley], null, null, null, null));
        }

        return [.. episodes];
    }
}
