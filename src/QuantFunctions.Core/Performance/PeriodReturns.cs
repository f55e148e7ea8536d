using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Performance;

/// <summary>
/// Aggregates dated periodic returns into calendar months, quarters or years — quantstats'
/// <c>aggregate_returns</c> with <c>ME</c>/<c>QE</c>/<c>YE</c> (grouped by year and month/quarter/year, each group
/// compounded with <c>comp</c> or summed). Only periods with at least one return appear.
/// </summary>
public static class PeriodReturns
{
    /// <summary>Aggregates the returns.</summary>
    /// <param name="dates">Strictly increasing dates, one per return.</param>
    /// <param name="returns">Periodic simple returns.</param>
    /// <param name="period">The calendar period.</param>
    /// <param name="compounded">Compound within a period (true) or sum.</param>
    /// <returns>One entry per calendar period, in date order.</returns>
    /// <exception cref="DomainValidationException">On a length mismatch.</exception>
    public static PeriodReturn[] Aggregate(ReadOnlySpan<DateOnly> dates, ReadOnlySpan<double> returns, ReturnPeriod period, bool compounded = true)
    {
        Guard.SameLength(returns.Length, dates.Length, "period returns", "dates");
        var result = new List<PeriodReturn>(Math.Max(1, returns.Length / 20));
        int start = 0;
        while (start < returns.Length)
        {
            int key = Key(dates[start], period), end = start;
            double growth = 1.0, sum = 0;
            while (end < returns.Length && Key(dates[end], period) == key)
            {
                growth *= 1.0 + returns[end];
                sum += returns[end];
                end++;
            }

            result.Add(new PeriodReturn(dates[start], dates[end - 1], compounded ? growth - 1.0 : sum));
            start = end;
        }

        return [.. result];
    }

    private static int Key(DateOnly date, ReturnPeriod period) => period switch
    {
        ReturnPeriod.Month => (date.Year * 12) + date.Month,
        ReturnPeriod.Quarter => (date.Year * 4) + ((date.Month - 1) / 3),
        _ => date.Year,
    };
}
