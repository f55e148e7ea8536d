using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Calendars;

/// <summary>
/// An exchange calendar: every date is a session except weekend days and listed holidays
/// (full-day closures; early closes are sessions).
/// </summary>
public sealed class SessionCalendar : TradingCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly bool[] _weekend = new bool[7];

    /// <summary>Creates a session calendar.</summary>
    /// <param name="id">The calendar id, e.g. <c>XNYS</c>.</param>
    /// <param name="holidays">Full-day closures (weekend dates in the list are harmless).</param>
    /// <param name="weekendDays">Non-trading week days; Saturday and Sunday when null.</param>
    /// <exception cref="DomainValidationException">When every week day is a weekend day.</exception>
    public SessionCalendar(string id, IEnumerable<DateOnly> holidays, IReadOnlyList<DayOfWeek>? weekendDays = null)
        : base(id)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        _holidays = [.. holidays];
        if (weekendDays is null)
        {
            _weekend[(int)DayOfWeek.Saturday] = true;
            _weekend[(int)DayOfWeek.Sunday] = true;
        }
        else
        {
            foreach (DayOfWeek day in weekendDays)
            {
                _weekend[(int)day] = true;
            }

            if (Array.TrueForAll(_weekend, static w => w))
            {
                throw new DomainValidationException(DomainErrorCodes.InvalidInput, $"Calendar {id}: every day of the week is a weekend day; at least one must trade.");
            }
        }
    }

    /// <summary>The holidays, ascending.</summary>
    public IReadOnlyList<DateOnly> Holidays
    {
        get
        {
            var list = new List<DateOnly>(_holidays);
            list.Sort();
            return list;
        }
    }

    /// <inheritdoc />
    public override bool IsSession(DateOnly date) => !_weekend[(int)date.DayOfWeek] && !_holidays.Contains(date);
}
