using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.DataQuality;

/// <summary>Crafted bar sets for the health-rule tests.</summary>
internal static class HealthFixtures
{
    public static readonly DateTimeOffset Start = new(2022, 1, 3, 0, 0, 0, TimeSpan.Zero); // a Monday

    /// <summary>Every calendar day from <see cref="Start"/> (a 24×7 calendar).</summary>
    public static DateOnly[] DailySessions(int days)
    {
        var sessions = new DateOnly[days];
        for (int i = 0; i < days; i++)
        {
            sessions[i] = DateOnly.FromDateTime(Start.AddDays(i).UtcDateTime);
        }

        return sessions;
    }

    /// <summary>Weekdays only, starting at <see cref="Start"/>.</summary>
    public static DateOnly[] WeekdaySessions(int count)
    {
        var sessions = new List<DateOnly>();
        for (DateOnly d = DateOnly.FromDateTime(Start.UtcDateTime); sessions.Count < count; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                sessions.Add(d);
            }
        }

        return [.. sessions];
    }

    /// <summary>Flat-ish valid bars (close drifting by ±1%) on the given dates, as data under audit (dates taken as they come).</summary>
    public static BarSeries OnDates(string symbol, IReadOnlyList<DateOnly> dates)
    {
        int n = dates.Count;
        var days = new DateOnly[n];
        double[] open = new double[n], high = new double[n], low = new double[n], close = new double[n], volume = new double[n];
        for (int i = 0; i < n; i++)
        {
            days[i] = dates[i];
            close[i] = 100 * (1 + (0.01 * (i % 2)));
            open[i] = i == 0 ? close[i] : close[i - 1];
            high[i] = Math.Max(open[i], close[i]) + 0.5;
            low[i] = Math.Min(open[i], close[i]) - 0.5;
            volume[i] = 1000;
        }

        return BarSeries.AsDelivered(Symbol.Parse(symbol), days, open, high, low, close, volume);
    }

    /// <summary>The as-of time just after the last bar became known (daily close + 1 hour).</summary>
    public static DateTimeOffset JustAfter(BarSeries bars) => bars.OpenTime(bars.Count - 1).AddDays(1).AddHours(1);
}
