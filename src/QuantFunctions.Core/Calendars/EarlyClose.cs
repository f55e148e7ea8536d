namespace QuantFunctions.Core.Calendars;

/// <summary>A session that closes before the regular close.</summary>
/// <param name="Date">The session date.</param>
/// <param name="LocalClose">The close, in the calendar's local time zone (e.g. 13:00 New York).</param>
/// <param name="Reason">Why (e.g. <c>Christmas Eve</c>).</param>
public sealed record EarlyClose(DateOnly Date, TimeOnly LocalClose, string Reason);
