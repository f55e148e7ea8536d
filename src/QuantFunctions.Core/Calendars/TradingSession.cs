namespace QuantFunctions.Core.Calendars;

/// <summary>One trading session of a calendar: its date and when it opens and closes, in UTC.</summary>
/// <param name="Date">The session date (the exchange's local trading date).</param>
/// <param name="OpenUtc">When the session opens (UTC, offset zero).</param>
/// <param name="CloseUtc">When the session closes (UTC, offset zero).</param>
/// <param name="EarlyClose">True when the session closes before the calendar's regular close.</param>
public readonly record struct TradingSession(DateOnly Date, DateTimeOffset OpenUtc, DateTimeOffset CloseUtc, bool EarlyClose);
