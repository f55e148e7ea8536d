namespace QuantFunctions.Core.Calendars;

/// <summary>
/// FX 24×5 (id <c>FX</c>): a session for every Monday–Friday date, from 17:00 New York on the previous
/// day to 17:00 New York on the date — so the trading week runs from Sunday 17:00 to Friday 17:00 New York
/// (the market-convention day roll; daylight saving through the IANA zone). No holidays.
/// </summary>
public sealed class ForexCalendar : TradingCalendar
{
    private static readonly TimeOnly Roll = new(17, 0);
    private readonly TimeZoneInfo _newYork;

    /// <summary>Creates the FX calendar.</summary>
    /// <param name="newYork">The <c>America/New_York</c> zone.</param>
    public ForexCalendar(TimeZoneInfo newYork)
        : base(ExchangeCalendars.ForexId)
    {
        ArgumentNullException.ThrowIfNull(newYork);
        _newYork = newYork;
    }

    /// <inheritdoc />
    public override DateOnly FirstDate => new(1900, 1, 1);

    /// <inheritdoc />
    public override DateOnly LastDate => new(9998, 12, 31);

    /// <summary>22 h: 17:00 New York is 22:00 UTC in winter (21:00 in summer).</summary>
    public override TimeSpan KnownAtOffset => TimeSpan.FromHours(22);

    /// <inheritdoc />
    public override int PeriodsPerYear => 260;

    /// <inheritdoc />
    public override bool IsSession(DateOnly date) =>
        date >= FirstDate && date <= LastDate && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <inheritdoc />
    public override bool TryGetSession(DateOnly date, out TradingSession session)
    {
        if (!IsSession(date))
        {
            session = default;
            return false;
        }

        session = new TradingSession(
            date, CalendarTimeZones.ToUtc(_newYork, date.AddDays(-1), Roll), CalendarTimeZones.ToUtc(_newYork, date, Roll), false);
        return true;
    }

    /// <inheritdoc />
    public override int CountSessionsBetween(DateOnly after, DateOnly before)
    {
        DateOnly lo = after.AddDays(1) < FirstDate ? FirstDate : after.AddDays(1);
        DateOnly hi = before.AddDays(-1) > LastDate ? LastDate : before.AddDays(-1);
        return hi < lo ? 0 : WeekdaysThrough(hi) - WeekdaysThrough(lo.AddDays(-1));
    }

    /// <summary>Monday–Friday dates from day number 0 (Monday 0001-01-01) through <paramref name="date"/>.</summary>
    private static int WeekdaysThrough(DateOnly date)
    {
        int days = date.DayNumber + 1;
        return ((days / 7) * 5) + Math.Min(days % 7, 5);
    }
}
