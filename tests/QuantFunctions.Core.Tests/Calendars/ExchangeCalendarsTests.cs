using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.Calendars;

public sealed class ExchangeCalendarsTests
{
    // Source: NYSE "Holidays and Trading Hours" published schedules for 2022–2024 (full-day closures).
    [Theory]
    [InlineData(2022, "2022-01-17,2022-02-21,2022-04-15,2022-05-30,2022-06-20,2022-07-04,2022-09-05,2022-11-24,2022-12-26")]
    [InlineData(2023, "2023-01-02,2023-01-16,2023-02-20,2023-04-07,2023-05-29,2023-06-19,2023-07-04,2023-09-04,2023-11-23,2023-12-25")]
    [InlineData(2024, "2024-01-01,2024-01-15,2024-02-19,2024-03-29,2024-05-27,2024-06-19,2024-07-04,2024-09-02,2024-11-28,2024-12-25")]
    public void NyseHolidays_Year_MatchesPublishedSchedule(int year, string expected)
    {
        string actual = string.Join(',', ExchangeCalendars.NyseHolidays(year).Select(d => d.ToString("yyyy-MM-dd")));
        Assert.Equal(expected, actual);
    }

    // Source: the number of NYSE trading days per year (2022: 251, 2023: 250, 2024: 252).
    [Theory]
    [InlineData(2022, 251)]
    [InlineData(2023, 250)]
    [InlineData(2024, 252)]
    public void Sessions_NyseYear_CountsTradingDays(int year, int expected)
    {
        SessionCalendar cal = ExchangeCalendars.NyseLike(year, year);
        Assert.Equal(expected, cal.Sessions(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)).Length);
    }

    [Fact]
    public void Sessions_CryptoLeapYear_Has366()
    {
        Assert.Equal(366, ExchangeCalendars.Crypto().Sessions(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)).Length);
    }

    // Source: Easter dates from the Gregorian computus tables (2000-04-23, 2024-03-31, 2025-04-20, 2038-04-25).
    [Theory]
    [InlineData(2000, 4, 23)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2038, 4, 25)]
    public void EasterSunday_Year_MatchesTable(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), ExchangeCalendars.EasterSunday(year));

    [Fact]
    public void Resolve_UnknownId_ThrowsUnknownCalendar()
    {
        var ex = Assert.Throws<DomainValidationException>(() => ExchangeCalendars.Resolve("XLON", 2024, 2024));
        Assert.Equal(DomainErrorCodes.UnknownCalendar, ex.Code);
    }

    [Fact]
    public void SessionCalendar_CustomWeekend_UsesIt()
    {
        var cal = new SessionCalendar("XTAE", [], [DayOfWeek.Friday, DayOfWeek.Saturday]);
        Assert.True(cal.IsSession(new DateOnly(2024, 3, 24)));
        Assert.False(cal.IsSession(new DateOnly(2024, 3, 22)));
        Assert.Throws<DomainValidationException>(() => new SessionCalendar("XNONE", [], Enum.GetValues<DayOfWeek>()));
    }
}
