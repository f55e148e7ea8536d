namespace QuantFunctions.Core.Calendars;

/// <summary>How a data set's dates compare with a calendar (see <see cref="CalendarCheck"/>).</summary>
/// <param name="CalendarId">The calendar.</param>
/// <param name="Symbols">Symbols with at least one bar.</param>
/// <param name="Bars">Bars in total.</param>
/// <param name="First">The earliest bar date.</param>
/// <param name="Last">The latest bar date.</param>
/// <param name="Sessions">Sessions of the calendar from <paramref name="First"/> to <paramref name="Last"/>.</param>
/// <param name="ClosedDays">Dates with bars although the calendar has no session, ascending.</param>
/// <param name="EmptySessions">Sessions on which no symbol has a bar (likely closures the calendar does not list), ascending.</param>
public sealed record CalendarCheckResult(
    string CalendarId, int Symbols, long Bars, DateOnly First, DateOnly Last, int Sessions, IReadOnlyList<ClosedDayBars> ClosedDays, IReadOnlyList<DateOnly> EmptySessions)
{
    /// <summary>True when every bar is on a session and every session has a bar.</summary>
    public bool IsClean => ClosedDays.Count == 0 && EmptySessions.Count == 0;
}
