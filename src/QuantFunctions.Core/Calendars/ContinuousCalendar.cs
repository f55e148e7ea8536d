namespace QuantFunctions.Core.Calendars;

/// <summary>A 24×7 calendar: every date is a session from 00:00 to 24:00 UTC (crypto, id <c>XCRY</c>).</summary>
public sealed class ContinuousCalendar : TradingCalendar
{
    /// <summary>Creates a 24×7 calendar.</summary>
    /// <param name="id">The calendar id; <c>XCRY</c> by default.</param>
    public ContinuousCalendar(string id = ExchangeCalendars.CryptoId)
        : base(id)
    {
    }

    /// <inheritdoc />
    public override DateOnly FirstDate => DateOnly.MinValue;

    /// <inheritdoc />
    public override DateOnly LastDate => DateOnly.MaxValue.AddDays(-1);

    /// <inheritdoc />
    public override TimeSpan KnownAtOffset => TimeSpan.FromHours(24);

    /// <inheritdoc />
    public override int PeriodsPerYear => 365;

    /// <inheritdoc />
    public override bool IsSession(DateOnly date) => date <= LastDate;

    /// <inheritdoc />
    public override bool TryGetSession(DateOnly date, out TradingSession session)
    {
        if (!IsSession(date))
        {
            session = default;
            return false;
        }

        var open = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        session = new TradingSession(date, open, open.AddDays(1), false);
        return true;
    }

    /// <inheritdoc />
    public override int CountSessionsBetween(DateOnly after, DateOnly before) => Math.Max(0, before.DayNumber - after.DayNumber - 1);
}
