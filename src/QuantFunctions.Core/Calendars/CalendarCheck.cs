namespace QuantFunctions.Core.Calendars;

/// <summary>
/// Compares a data set's bar dates with a calendar: bars on closed days, and sessions on which no symbol traded
/// (within the data's first and last date) — the two ways real data and a calendar disagree.
/// </summary>
public static class CalendarCheck
{
    /// <summary>Checks the dates of every symbol.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="dates">Per symbol, its bar dates (any order; duplicates count once per symbol).</param>
    /// <returns>The findings; with no bars at all, an empty result dated <see cref="DateOnly.MinValue"/>.</returns>
    public static CalendarCheckResult Run(TradingCalendar calendar, IReadOnlyDictionary<string, DateOnly[]> dates)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(dates);
        var closed = new SortedDictionary<DateOnly, SortedSet<string>>();
        var traded = new HashSet<DateOnly>();
        DateOnly first = DateOnly.MaxValue, last = DateOnly.MinValue;
        long bars = 0;
        int symbols = 0;
        foreach ((string symbol, DateOnly[] symbolDates) in dates)
        {
            symbols += symbolDates.Length > 0 ? 1 : 0;
            bars += symbolDates.Length;
            foreach (DateOnly d in symbolDates)
            {
                first = d < first ? d : first;
                last = d > last ? d : last;
                if (calendar.IsSession(d))
                {
                    traded.Add(d);
                }
                else if (closed.TryGetValue(d, out SortedSet<string>? set))
                {
                    set.Add(symbol);
                }
                else
                {
                    closed[d] = new SortedSet<string>(StringComparer.Ordinal) { symbol };
                }
            }
        }

        if (bars == 0)
        {
            return new CalendarCheckResult(calendar.Id, 0, 0, DateOnly.MinValue, DateOnly.MinValue, 0, [], []);
        }

        DateOnly[] sessions = calendar.Sessions(first, last);
        var empty = new List<DateOnly>();
        foreach (DateOnly s in sessions)
        {
            if (!traded.Contains(s))
            {
                empty.Add(s);
            }
        }

        var closedDays = new List<ClosedDayBars>(closed.Count);
        foreach ((DateOnly d, SortedSet<string> set) in closed)
        {
            closedDays.Add(new ClosedDayBars(d, calendar.ClosureReason(d) ?? "closed", [.. set]));
        }

        return new CalendarCheckResult(calendar.Id, symbols, bars, first, last, sessions.Length, closedDays, empty);
    }
}
