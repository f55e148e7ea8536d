using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Calendars;

/// <summary>
/// Built-in calendars: <c>XCRY</c> (24×7) and an <c>XNYS</c>-like session calendar whose holidays
/// follow the NYSE rules (New Year, Martin Luther King Jr. Day, Washington's Birthday, Good Friday,
/// Memorial Day, Juneteenth from 2022, Independence Day, Labor Day, Thanksgiving, Christmas;
/// Saturday holidays observed on Friday except New Year, Sunday holidays on Monday).
/// </summary>
/// <remarks>
/// The rules reproduce the NYSE published holiday schedule for regular full-day closures; special
/// one-off closures (national days of mourning, 9/11, hurricane Sandy) are not included.
/// </remarks>
public static class ExchangeCalendars
{
    /// <summary>The 24×7 crypto calendar id.</summary>
    public const string CryptoId = "XCRY";

    /// <summary>The NYSE-like calendar id.</summary>
    public const string NyseId = "XNYS";

    /// <summary>A 24×7 calendar.</summary>
    /// <returns>The <c>XCRY</c> calendar.</returns>
    public static TradingCalendar Crypto() => new ContinuousCalendar(CryptoId);

    /// <summary>An NYSE-like calendar with holidays for the given years (inclusive).</summary>
    /// <param name="firstYear">The first year.</param>
    /// <param name="lastYear">The last year.</param>
    /// <returns>The <c>XNYS</c> session calendar.</returns>
    public static SessionCalendar NyseLike(int firstYear, int lastYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lastYear, firstYear);
        var holidays = new List<DateOnly>();
        for (int year = firstYear; year <= lastYear; year++)
        {
            holidays.AddRange(NyseHolidays(year));
        }

        return new SessionCalendar(NyseId, holidays);
    }

    /// <summary>Resolves a calendar by id for the given years.</summary>
    /// <param name="id"><c>XCRY</c> or <c>XNYS</c>.</param>
    /// <param name="firstYear">The first year (session calendars only).</param>
    /// <param name="lastYear">The last year (session calendars only).</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="DomainValidationException">Code <see cref="DomainErrorCodes.UnknownCalendar"/>.</exception>
    public static TradingCalendar Resolve(string id, int firstYear, int lastYear) => id switch
    {
        CryptoId => Crypto(),
        NyseId => NyseLike(firstYear, lastYear),
        _ => throw new DomainValidationException(DomainErrorCodes.UnknownCalendar, $"Unknown calendar '{id}' (known: {CryptoId}, {NyseId})."),
    };

    /// <summary>The NYSE full-day holidays of one year, as observed.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The observed holiday dates, ascending.</returns>
    public static IReadOnlyList<DateOnly> NyseHolidays(int year)
    {
        var days = new List<DateOnly>(10);
        var newYear = new DateOnly(year, 1, 1);
        if (newYear.DayOfWeek != DayOfWeek.Saturday)
        {
            days.Add(newYear.DayOfWeek == DayOfWeek.Sunday ? newYear.AddDays(1) : newYear);
        }

        days.Add(NthWeekday(year, 1, DayOfWeek.Monday, 3));
        days.Add(NthWeekday(year, 2, DayOfWeek.Monday, 3));
        days.Add(EasterSunday(year).AddDays(-2));
        days.Add(LastWeekday(year, 5, DayOfWeek.Monday));
        if (year >= 2022)
        {
            days.Add(Observed(new DateOnly(year, 6, 19)));
        }

        days.Add(Observed(new DateOnly(year, 7, 4)));
        days.Add(NthWeekday(year, 9, DayOfWeek.Monday, 1));
        days.Add(NthWeekday(year, 11, DayOfWeek.Thursday, 4));
        days.Add(Observed(new DateOnly(year, 12, 25)));
        days.Sort();
        return days;
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

    private static DateOnly Observed(DateOnly date) => date.DayOfWeek switch
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
