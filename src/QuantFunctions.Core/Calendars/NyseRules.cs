namespace QuantFunctions.Core.Calendars;

/// <summary>
/// The New York Stock Exchange's calendar from 1990 through the holidays it has published ahead
/// (<see cref="LastPublishedYear"/>): regular holidays with the years each rule applies, the unscheduled
/// closures as data with their reasons, and the early closes. Nasdaq (XNAS) keeps the same sessions.
/// </summary>
/// <remarks>
/// <para>Sources: NYSE "Holidays and Trading Hours" (published schedules through 2027), the NYSE history of
/// market closings, and the XNYS reference sessions of the exchange_calendars project (1990-01-02..2023-01-13,
/// open and close in UTC), which this calendar reproduces session for session.</para>
/// <para>Regular hours 09:30–16:00 New York. Holidays: New Year's Day (Sunday → Monday; on a Saturday it is
/// not observed — no Friday closure); Martin Luther King Jr. Day (third Monday of January, from 1998);
/// Washington's Birthday (third Monday of February); Good Friday; Memorial Day (last Monday of May); Juneteenth
/// (June 19, from 2022); Independence Day (July 4); Labor Day (first Monday of September); Thanksgiving (fourth
/// Thursday of November); Christmas (December 25). Juneteenth, Independence Day and Christmas on a Saturday are
/// observed the Friday before, on a Sunday the Monday after.</para>
/// <para>Early closes: 13:00 from 1993, 14:00 before. July 3 on a Monday, Tuesday or Thursday (from 1995); July 5 on
/// a Friday (1995–2012), replaced by July 3 on a Wednesday (from 2013); the day after Thanksgiving (from 1992);
/// December 24 on a Monday–Thursday; and 1997-12-26, 1999-12-31, 2003-12-26.</para>
/// </remarks>
public static class NyseRules
{
    /// <summary>The first covered year.</summary>
    public const int FirstYear = 1990;

    /// <summary>The last year whose holidays the exchange has published (the coverage ends on its December 31).</summary>
    public const int LastPublishedYear = 2027;

    /// <summary>The regular open, New York time.</summary>
    public static readonly TimeOnly Open = new(9, 30);

    /// <summary>The regular close, New York time.</summary>
    public static readonly TimeOnly Close = new(16, 0);

    /// <summary>The unscheduled full-day closures since 1990, with their reasons.</summary>
    public static IReadOnlyList<CalendarClosure> SpecialClosures { get; } =
    [
        new(new DateOnly(1994, 4, 27), "National Day of Mourning for former President Richard Nixon"),
        new(new DateOnly(2001, 9, 11), "September 11 attacks"),
        new(new DateOnly(2001, 9, 12), "September 11 attacks"),
        new(new DateOnly(2001, 9, 13), "September 11 attacks"),
        new(new DateOnly(2001, 9, 14), "September 11 attacks"),
        new(new DateOnly(2004, 6, 11), "National Day of Mourning for former President Ronald Reagan"),
        new(new DateOnly(2007, 1, 2), "National Day of Mourning for former President Gerald R. Ford"),
        new(new DateOnly(2012, 10, 29), "Hurricane Sandy"),
        new(new DateOnly(2012, 10, 30), "Hurricane Sandy"),
        new(new DateOnly(2018, 12, 5), "National Day of Mourning for former President George H. W. Bush"),
        new(new DateOnly(2025, 1, 9), "National Day of Mourning for former President Jimmy Carter"),
    ];

    /// <summary>The regular holidays of one year, as observed on weekdays, ascending.</summary>
    /// <param name="year">The year (any; the rules' start years apply).</param>
    /// <returns>The closures with the holiday's name.</returns>
    public static IReadOnlyList<CalendarClosure> Holidays(int year)
    {
        var days = new List<CalendarClosure>(10);
        var newYear = new DateOnly(year, 1, 1);
        if (newYear.DayOfWeek != DayOfWeek.Saturday)
        {
            days.Add(new(newYear.DayOfWeek == DayOfWeek.Sunday ? newYear.AddDays(1) : newYear, "New Year's Day"));
        }

        if (year >= 1998)
        {
            days.Add(new(NthWeekday(year, 1, DayOfWeek.Monday, 3), "Martin Luther King Jr. Day"));
        }

        days.Add(new(NthWeekday(year, 2, DayOfWeek.Monday, 3), "Washington's Birthday"));
        days.Add(new(EasterSunday(year).AddDays(-2), "Good Friday"));
        days.Add(new(LastWeekday(year, 5, DayOfWeek.Monday), "Memorial Day"));
        if (year >= 2022)
        {
            days.Add(new(NearestWeekday(new DateOnly(year, 6, 19)), "Juneteenth National Independence Day"));
        }

        days.Add(new(NearestWeekday(new DateOnly(year, 7, 4)), "Independence Day"));
        days.Add(new(NthWeekday(year, 9, DayOfWeek.Monday, 1), "Labor Day"));
        days.Add(new(NthWeekday(year, 11, DayOfWeek.Thursday, 4), "Thanksgiving Day"));
        days.Add(new(NearestWeekday(new DateOnly(year, 12, 25)), "Christmas Day"));
        days.Sort(static (a, b) => a.Date.CompareTo(b.Date));
        return days;
    }

    /// <summary>The early closes of one year, ascending.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The early closes (13:00 from 1993, 14:00 before).</returns>
    public static IReadOnlyList<EarlyClose> EarlyCloses(int year)
    {
        var close = new TimeOnly(year >= 1993 ? 13 : 14, 0);
        var days = new List<EarlyClose>(4);
        var july3 = new DateOnly(year, 7, 3);
        var july5 = new DateOnly(year, 7, 5);
        if (year >= 1995 && july3.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Thursday)
        {
            days.Add(new(july3, close, "Day before Independence Day"));
        }

        if (year >= 2013 && july3.DayOfWeek == DayOfWeek.Wednesday)
        {
            days.Add(new(july3, close, "Day before Independence Day"));
        }

        if (year is >= 1995 and <= 2012 && july5.DayOfWeek == DayOfWeek.Friday)
        {
            days.Add(new(july5, close, "Day after Independence Day"));
        }

        if (year >= 1992)
        {
            days.Add(new(NthWeekday(year, 11, DayOfWeek.Thursday, 4).AddDays(1), close, "Day after Thanksgiving"));
        }

        var christmasEve = new DateOnly(year, 12, 24);
        if (christmasEve.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday)
        {
            days.Add(new(christmasEve, close, "Christmas Eve"));
        }

        foreach (DateOnly adHoc in (ReadOnlySpan<DateOnly>)[new(1997, 12, 26), new(1999, 12, 31), new(2003, 12, 26)])
        {
            if (adHoc.Year == year)
            {
                days.Add(new(adHoc, close, adHoc.Month == 12 && adHoc.Day == 31 ? "New Year's Eve 1999" : "Day after Christmas"));
            }
        }

        days.Sort(static (a, b) => a.Date.CompareTo(b.Date));
        return days;
    }

    /// <summary>The definition of the calendar from <see cref="FirstYear"/> to <see cref="LastPublishedYear"/>.</summary>
    /// <param name="id"><c>XNYS</c> or <c>XNAS</c>.</param>
    /// <param name="newYork">The <c>America/New_York</c> zone.</param>
    /// <returns>The definition.</returns>
    public static SessionCalendarDefinition Definition(string id, TimeZoneInfo newYork)
    {
        var closures = new List<CalendarClosure>();
        var early = new List<EarlyClose>();
        for (int year = FirstYear; year <= LastPublishedYear; year++)
        {
            closures.AddRange(Holidays(year));
            early.AddRange(EarlyCloses(year));
        }

        closures.AddRange(SpecialClosures);
        return new SessionCalendarDefinition
        {
            Id = id,
            TimeZone = newYork,
            Open = Open,
            Close = Close,
            FirstDate = new DateOnly(FirstYear, 1, 1),
            LastDate = new DateOnly(LastPublishedYear, 12, 31),
            Closures = closures,
            EarlyCloses = early,
            PeriodsPerYear = 252,
        };
    }

    /// <summary>Easter Sunday (Gregorian), by the anonymous Meeus/Jones/Butcher algorithm.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The date of Easter Sunday.</returns>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31, day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly NearestWeekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        int offset = ((int)day - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        int offset = ((int)last.DayOfWeek - (int)day + 7) % 7;
        return last.AddDays(-offset);
    }
}
