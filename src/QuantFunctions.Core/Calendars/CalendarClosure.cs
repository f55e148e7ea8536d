namespace QuantFunctions.Core.Calendars;

/// <summary>A full-day closure of an exchange on a day that would otherwise trade.</summary>
/// <param name="Date">The closed date.</param>
/// <param name="Reason">Why it is closed (e.g. <c>Good Friday</c>, <c>Hurricane Sandy</c>).</param>
public sealed record CalendarClosure(DateOnly Date, string Reason);
