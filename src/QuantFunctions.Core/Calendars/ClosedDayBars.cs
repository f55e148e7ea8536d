namespace QuantFunctions.Core.Calendars;

/// <summary>Bars dated on a day the calendar says was closed.</summary>
/// <param name="Date">The date.</param>
/// <param name="Reason">Why the calendar has no session (weekend, holiday name, closure reason, outside the coverage).</param>
/// <param name="Symbols">The symbols with a bar on that date, ordinal.</param>
public sealed record ClosedDayBars(DateOnly Date, string Reason, IReadOnlyList<string> Symbols);
