namespace QuantFunctions.Core.Reporting;

/// <summary>Splits a drawdown series into its under-water periods and ranks them by depth.</summary>
public static class DrawdownPeriods
{
    /// <summary>
    /// The periods of <paramref name="drawdown"/> (≤ 0 per period, as <see cref="Performance.EquityCurve.Drawdowns"/> gives):
    /// a period starts at the first value below 0 and ends at the next value equal to 0 (recovered) or at the last index.
    /// </summary>
    /// <param name="drawdown">Drawdown after each period.</param>
    /// <returns>The periods in time order.</returns>
    public static IReadOnlyList<DrawdownPeriod> All(ReadOnlySpan<double> drawdown)
    {
        var periods = new List<DrawdownPeriod>();
        int start = -1, trough = -1;
        for (int t = 0; t < drawdown.Length; t++)
        {
            if (drawdown[t] < 0)
            {
                if (start < 0)
                {
                    (start, trough) = (t, t);
                }
                else if (drawdown[t] < drawdown[trough])
                {
                    trough = t;
                }
            }
            else if (start >= 0)
            {
                periods.Add(new DrawdownPeriod(start, trough, t, drawdown[trough], true));
                start = -1;
            }
        }

        if (start >= 0)
        {
            periods.Add(new DrawdownPeriod(start, trough, drawdown.Length - 1, drawdown[trough], false));
        }

        return periods;
    }

    /// <summary>The <paramref name="count"/> deepest periods, deepest first (ties: the earlier first).</summary>
    /// <param name="drawdown">Drawdown after each period.</param>
    /// <param name="count">How many.</param>
    /// <returns>At most <paramref name="count"/> periods.</returns>
    public static IReadOnlyList<DrawdownPeriod> Worst(ReadOnlySpan<double> drawdown, int count)
    {
        var all = new List<DrawdownPeriod>(All(drawdown));
        all.Sort(static (a, b) => a.Depth != b.Depth ? a.Depth.CompareTo(b.Depth) : a.Start.CompareTo(b.Start));
        return all.Count > count ? all.GetRange(0, count) : all;
    }
}
