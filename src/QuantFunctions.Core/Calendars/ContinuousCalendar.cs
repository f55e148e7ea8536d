namespace QuantFunctions.Core.Calendars;

/// <summary>A 24×7 calendar: every date is a session (crypto, id <c>XCRY</c>).</summary>
public sealed class ContinuousCalendar : TradingCalendar
{
    /// <summary>Creates a 24×7 calendar.</summary>
    /// <param name="id">The calendar id; <c>XCRY</c> by default.</param>
    public ContinuousCalendar(string id = "XCRY")
        : base(id)
    {
    }

    /// <inheritdoc />
    public override bool IsSession(DateOnly date) => true;
}
