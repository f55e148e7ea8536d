using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Market;

/// <summary>
/// Calendar-safe close-to-close returns: a return is formed only between two observed closes that
/// are consecutive sessions of the symbol's calendar, or separated by a hole that market-day
/// normalisation tolerates (see <see cref="MarketDayNormalization"/>).
/// </summary>
/// <remarks>
/// <para>The return is booked on the later date. The first observation, and the first observation
/// after an untolerated gap, have no return: the series simply has no row for them (in a panel:
/// NaN). No price is carried forward and no return is set to zero to fill a hole.</para>
/// <para>Simple: <c>r = C_t / C_prev − 1</c>; log: <c>r = ln(C_t / C_prev)</c>. Closes must be finite and
/// positive.</para>
/// </remarks>
public static class CloseToCloseReturns
{
    /// <summary>Computes the returns of one symbol.</summary>
    /// <param name="bars">The bars.</param>
    /// <param name="calendar">The symbol's calendar.</param>
    /// <param name="kind">Simple or log.</param>
    /// <param name="toleratedMissingSessions">Holes of at most this many sessions are bridged (default 1).</param>
    /// <returns>The return series named by the symbol.</returns>
    /// <exception cref="DomainValidationException">A date off the calendar, or a non-positive or non-finite close.</exception>
    public static DatedSeries Compute(BarSeries bars, TradingCalendar calendar, ReturnKind kind, int toleratedMissingSessions = MarketDayNormalization.DefaultToleratedMissingSessions)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(toleratedMissingSessions);
        string what = $"bars of {bars.Symbol}";
        calendar.EnsureSessions(bars.Dates, what);
        ReadOnlySpan<double> close = bars.Close;
        for (int i = 0; i < close.Length; i++)
        {
            if (!(double.IsFinite(close[i]) && close[i] > 0))
            {
                throw new DomainValidationException(
                    ErrorCodes.NonFiniteValue, $"{what}: close at row {i} ({bars.Dates[i]:yyyy-MM-dd}) is {close[i]}; closes must be finite and positive.");
            }
        }

        int n = Math.Max(0, bars.Count - 1);
        var dates = new DateOnly[n];
        double[] values = new double[n];
        int k = 0;
        for (int i = 1; i < bars.Count; i++)
        {
            if (calendar.CountSessionsBetween(bars.Dates[i - 1], bars.Dates[i]) > toleratedMissingSessions)
            {
                continue;
            }

            double ratio = close[i] / close[i - 1];
            dates[k] = bars.Dates[i];
            values[k++] = kind == ReturnKind.Log ? Math.Log(ratio) : ratio - 1.0;
        }

        return new DatedSeries(bars.Symbol.Value, dates.AsSpan(0, k).ToArray(), values.AsSpan(0, k).ToArray());
    }

    /// <summary>Computes the returns of many symbols and aligns them on the union of their dates (NaN = no return).</summary>
    /// <param name="bars">The bars, one series per symbol.</param>
    /// <param name="calendarOf">The calendar of a symbol.</param>
    /// <param name="kind">Simple or log.</param>
    /// <param name="toleratedMissingSessions">Holes of at most this many sessions are bridged.</param>
    /// <returns>The panel, columns in input order.</returns>
    public static ReturnPanel ComputePanel(IReadOnlyList<BarSeries> bars, Func<Symbol, TradingCalendar> calendarOf, ReturnKind kind, int toleratedMissingSessions = MarketDayNormalization.DefaultToleratedMissingSessions)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(calendarOf);
        var series = new DatedSeries[bars.Count];
        for (int j = 0; j < bars.Count; j++)
        {
            series[j] = Compute(bars[j], calendarOf(bars[j].Symbol), kind, toleratedMissingSessions);
        }

        return ReturnPanel.FromSeriesOuter(series);
    }
}
