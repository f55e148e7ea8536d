namespace QuantFunctions.Core.Performance;

/// <summary>The calendar-period metrics (best/worst month and year, win rates by period, monthly gain/pain).</summary>
internal sealed record CalendarSummary(
    double BestMonth, double WorstMonth, double BestYear, double WorstYear, double WinRateMonthly, double WinRateQuarterly, double WinRateYearly, double GainToPainMonthly, PeriodReturn[] Years)
{
    /// <summary>The values of an undated series: NaN, no years.</summary>
    public static CalendarSummary Undated { get; } = new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, []);

    /// <summary>Aggregates the dated returns by month, quarter and year.</summary>
    public static CalendarSummary Of(ReadOnlySpan<double> returns, ReadOnlySpan<DateOnly> dates, bool compounded)
    {
        PeriodReturn[] months = PeriodReturns.Aggregate(dates, returns, ReturnPeriod.Month, compounded);
        PeriodReturn[] quarters = PeriodReturns.Aggregate(dates, returns, ReturnPeriod.Quarter, compounded);
        PeriodReturn[] years = PeriodReturns.Aggregate(dates, returns, ReturnPeriod.Year, compounded);
        PeriodReturn[] monthlySums = compounded ? PeriodReturns.Aggregate(dates, returns, ReturnPeriod.Month, compounded: false) : months;
        double total = 0, pain = 0;
        foreach (PeriodReturn m in monthlySums)
        {
            total += m.Return;
            pain -= m.Return < 0 ? m.Return : 0;
        }

        return new CalendarSummary(
            Max(months), Min(months), Max(years), Min(years), WinRate(months), WinRate(quarters), WinRate(years), PerformanceCalculator.Ratio(total, pain), years);
    }

    private static double Max(PeriodReturn[] periods)
    {
        double best = double.NegativeInfinity;
        foreach (PeriodReturn p in periods)
        {
            best = Math.Max(best, p.Return);
        }

        return best;
    }

    private static double Min(PeriodReturn[] periods)
    {
        double worst = double.PositiveInfinity;
        foreach (PeriodReturn p in periods)
        {
            worst = Math.Min(worst, p.Return);
        }

        return worst;
    }

    /// <summary>Positive periods / non-zero periods; 0 when every period is zero (quantstats' <c>win_rate</c>).</summary>
    private static double WinRate(PeriodReturn[] periods)
    {
        int positive = 0, nonZero = 0;
        foreach (PeriodReturn p in periods)
        {
            positive += p.Return > 0 ? 1 : 0;
            nonZero += p.Return != 0 ? 1 : 0;
        }

        return nonZero > 0 ? (double)positive / nonZero : 0;
    }
}
