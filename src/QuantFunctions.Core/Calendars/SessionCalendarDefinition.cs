namespace QuantFunctions.Core.Calendars;

/// <summary>
/// What a <see cref="SessionCalendar"/> is built from: a time zone, regular local open and close, the
/// covered dates, and either a weekly pattern (weekend days) minus closures, or an explicit list of sessions.
/// </summary>
public sealed record SessionCalendarDefinition
{
    /// <summary>The calendar id (upper-case letters, digits and <c>_</c>, 2–16 characters, e.g. <c>XTAE</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The exchange's time zone (IANA), used to turn local open and close times into UTC.</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>The regular local open.</summary>
    public required TimeOnly Open { get; init; }

    /// <summary>The regular local close (after <see cref="Open"/>: sessions do not span midnight).</summary>
    public required TimeOnly Close { get; init; }

    /// <summary>The first covered date.</summary>
    public required DateOnly FirstDate { get; init; }

    /// <summary>The last covered date.</summary>
    public required DateOnly LastDate { get; init; }

    /// <summary>Non-trading week days of the weekly pattern.</summary>
    /// <value>Saturday and Sunday.</value>
    public IReadOnlyList<DayOfWeek> WeekendDays { get; init; } = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Full-day closures with their reasons (weekday dates of the covered range).</summary>
    public IReadOnlyList<CalendarClosure> Closures { get; init; } = [];

    /// <summary>Sessions that close early.</summary>
    public IReadOnlyList<EarlyClose> EarlyCloses { get; init; } = [];

    /// <summary>When set, exactly these dates are sessions (the weekly pattern is not used).</summary>
    public IReadOnlyList<DateOnly>? Sessions { get; init; }

    /// <summary>Sessions per year for annualising; null computes it from the coverage.</summary>
    public int? PeriodsPerYear { get; init; }
}
