using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Stages.DataOps;

/// <summary>
/// Per symbol, how its bars compare with its calendar: bars on closed days (off-calendar rows, with the first date and
/// why the exchange was closed) and sessions between its first and last bar with no bar (missing sessions).
/// </summary>
internal sealed class CalendarFindings(TradingCalendar calendar)
{
    private readonly JsonObject _offCalendar = [];
    private readonly JsonObject _missing = [];
    private long _offRows, _missingSessions;

    /// <summary>Adds the first <paramref name="count"/> bars of a series (dates strictly increasing).</summary>
    public void Add(BarSeries series, int count)
    {
        ArgumentNullException.ThrowIfNull(series);
        int off = 0;
        DateOnly firstOff = default;
        for (int i = 0; i < count; i++)
        {
            if (!calendar.IsSession(series.Dates[i]))
            {
                firstOff = off == 0 ? series.Dates[i] : firstOff;
                off++;
            }
        }

        int missing = count == 0 ? 0 : Math.Max(0, calendar.CountSessions(series.Dates[0], series.Dates[count - 1]) - (count - off));
        if (off > 0)
        {
            _offRows += off;
            _offCalendar[series.Symbol.Value] = new JsonObject
            {
                ["rows"] = off,
                ["first"] = firstOff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["reason"] = calendar.ClosureReason(firstOff),
            };
        }

        if (missing > 0)
        {
            _missingSessions += missing;
            _missing[series.Symbol.Value] = missing;
        }
    }

    /// <summary>Writes <c>off_calendar_rows</c>, <c>off_calendar</c>, <c>missing_sessions</c> and <c>missing_sessions_by_symbol</c>.</summary>
    public void WriteTo(JsonObject summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        summary["off_calendar_rows"] = _offRows;
        summary["off_calendar"] = _offCalendar.DeepClone();
        summary["missing_sessions"] = _missingSessions;
        summary["missing_sessions_by_symbol"] = _missing.DeepClone();
    }
}
