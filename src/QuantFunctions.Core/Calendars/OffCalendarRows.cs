using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Calendars;

/// <summary>Separates a symbol's bars on sessions of its calendar from bars on closed days (weekends, holidays, outside the coverage).</summary>
public static class OffCalendarRows
{
    /// <summary>The bars on sessions and the dates of the bars that are not (in order); the input is returned as is when every bar is on a session.</summary>
    /// <param name="bars">The bars.</param>
    /// <param name="calendar">The symbol's calendar.</param>
    /// <returns>The kept bars and the dropped dates.</returns>
    public static (BarSeries Kept, DateOnly[] Dropped) Drop(BarSeries bars, TradingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(calendar);
        int off = 0;
        for (int i = 0; i < bars.Count; i++)
        {
            off += calendar.IsSession(bars.Dates[i]) ? 0 : 1;
        }

        if (off == 0)
        {
            return (bars, []);
        }

        int n = bars.Count - off;
        var dates = new DateOnly[n];
        double[] open = new double[n], high = new double[n], low = new double[n], close = new double[n], volume = new double[n];
        var dropped = new DateOnly[off];
        for (int i = 0, k = 0, d = 0; i < bars.Count; i++)
        {
            if (!calendar.IsSession(bars.Dates[i]))
            {
                dropped[d++] = bars.Dates[i];
                continue;
            }

            (dates[k], open[k], high[k], low[k], close[k], volume[k]) = (bars.Dates[i], bars.Open[i], bars.High[i], bars.Low[i], bars.Close[i], bars.Volume[i]);
            k++;
        }

        return (new BarSeries(bars.Symbol, dates, open, high, low, close, volume), dropped);
    }
}
