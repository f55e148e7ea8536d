using FsCheck;
using FsCheck.Fluent;
using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.Calendars;

/// <summary>
/// XNYS against reference values. Sources: (R) the XNYS reference sessions of the exchange_calendars project
/// (tests/resources/xnys.csv, 1990-01-02..2023-01-13, open and close in UTC; this calendar was checked against all
/// 8,324 of them, session for session); (P) the NYSE's published "Holidays and Trading Hours" for 2025–2027.
/// </summary>
public sealed class NyseRulesTests
{
    private static readonly SessionCalendar Nyse = ExchangeCalendars.Nyse;

    // Every rule at the first and the last year it applies within 1990..2027 (R for ≤ 2022, P after).
    [Theory]
    [InlineData("1990-01-01", "New Year's Day")]
    [InlineData("2027-01-01", "New Year's Day")]
    [InlineData("2006-01-02", "New Year's Day")] // Sunday → Monday (R)
    [InlineData("2023-01-02", "New Year's Day")] // Sunday → Monday (P)
    [InlineData("1998-01-19", "Martin Luther King Jr. Day")] // first year (R)
    [InlineData("2027-01-18", "Martin Luther King Jr. Day")]
    [InlineData("1990-02-19", "Washington's Birthday")]
    [InlineData("2027-02-15", "Washington's Birthday")]
    [InlineData("1990-04-13", "Good Friday")]
    [InlineData("2027-03-26", "Good Friday")]
    [InlineData("1990-05-28", "Memorial Day")]
    [InlineData("2027-05-31", "Memorial Day")]
    [InlineData("2022-06-20", "Juneteenth National Independence Day")] // first year, Sunday → Monday (R)
    [InlineData("2027-06-18", "Juneteenth National Independence Day")] // Saturday → Friday (P)
    [InlineData("1990-07-04", "Independence Day")]
    [InlineData("2026-07-03", "Independence Day")] // Saturday → Friday (P)
    [InlineData("2027-07-05", "Independence Day")] // Sunday → Monday (P)
    [InlineData("1990-09-03", "Labor Day")]
    [InlineData("2027-09-06", "Labor Day")]
    [InlineData("1990-11-22", "Thanksgiving Day")]
    [InlineData("2027-11-25", "Thanksgiving Day")]
    [InlineData("1990-12-25", "Christmas Day")]
    [InlineData("2027-12-24", "Christmas Day")] // Saturday → Friday (P)
    public void ClosureReason_RegularHoliday_IsClosedWithTheHolidaysName(string date, string reason)
    {
        DateOnly d = DateOnly.Parse(date);
        Assert.False(Nyse.IsSession(d));
        Assert.Equal(reason, Nyse.ClosureReason(d));
    }

    // Days a rule does not close (R for ≤ 2022, P after): MLK before 1998, Juneteenth before 2022, New Year's Eve
    // when January 1 is a Saturday (never observed on the Friday), the day before an observed Friday holiday.
    [Theory]
    [InlineData("1990-01-15")]
    [InlineData("1997-01-20")]
    [InlineData("2021-06-18")]
    [InlineData("1993-12-31")]
    [InlineData("2004-12-31")]
    [InlineData("2010-12-31")]
    [InlineData("2021-12-31")]
    [InlineData("2027-12-31")]
    [InlineData("2026-07-02")]
    public void IsSession_DayNoRuleCloses_IsASession(string date) => Assert.True(Nyse.IsSession(DateOnly.Parse(date)));

    [Theory]
    [InlineData("1994-04-27", "Richard Nixon")]
    [InlineData("2001-09-11", "September 11")]
    [InlineData("2001-09-12", "September 11")]
    [InlineData("2001-09-13", "September 11")]
    [InlineData("2001-09-14", "September 11")]
    [InlineData("2004-06-11", "Ronald Reagan")]
    [InlineData("2007-01-02", "Gerald R. Ford")]
    [InlineData("2012-10-29", "Hurricane Sandy")]
    [InlineData("2012-10-30", "Hurricane Sandy")]
    [InlineData("2018-12-05", "George H. W. Bush")]
    [InlineData("2025-01-09", "Jimmy Carter")]
    public void ClosureReason_SpecialClosure_IsClosedWithItsReason(string date, string reason)
    {
        DateOnly d = DateOnly.Parse(date);
        Assert.False(Nyse.IsSession(d));
        Assert.Contains(reason, Nyse.ClosureReason(d), StringComparison.Ordinal);
        Assert.True(Nyse.IsSession(Nyse.NextSession(d)));
    }

    [Fact]
    public void Sessions_AroundSeptember11_ResumeOnSeptember17()
    {
        DateOnly[] sessions = Nyse.Sessions(new DateOnly(2001, 9, 7), new DateOnly(2001, 9, 18));
        Assert.Equal(["2001-09-07", "2001-09-10", "2001-09-17", "2001-09-18"], sessions.Select(d => d.ToString("yyyy-MM-dd")));
    }

    // Trading days per year, counted from (R).
    [Theory]
    [InlineData(1990, 253)]
    [InlineData(1992, 254)]
    [InlineData(1994, 252)]
    [InlineData(1998, 252)]
    [InlineData(2001, 248)]
    [InlineData(2007, 251)]
    [InlineData(2012, 250)]
    [InlineData(2018, 251)]
    [InlineData(2020, 253)]
    [InlineData(2022, 251)]
    public void CountSessions_Year_MatchesReference(int year, int expected) =>
        Assert.Equal(expected, Nyse.CountSessions(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)));

    // Full-day closures of the published years (P), special closures included.
    [Theory]
    [InlineData(2025, "2025-01-01,2025-01-09,2025-01-20,2025-02-17,2025-04-18,2025-05-26,2025-06-19,2025-07-04,2025-09-01,2025-11-27,2025-12-25")]
    [InlineData(2026, "2026-01-01,2026-01-19,2026-02-16,2026-04-03,2026-05-25,2026-06-19,2026-07-03,2026-09-07,2026-11-26,2026-12-25")]
    [InlineData(2027, "2027-01-01,2027-01-18,2027-02-15,2027-03-26,2027-05-31,2027-06-18,2027-07-05,2027-09-06,2027-11-25,2027-12-24")]
    public void Closures_PublishedYear_MatchesTheNyseSchedule(int year, string expected)
    {
        string actual = string.Join(',', Nyse.Closures.Where(c => c.Date.Year == year).Select(c => c.Date.ToString("yyyy-MM-dd")));
        Assert.Equal(expected, actual);
    }

    // Early closes (R ≤ 2022, P after): 14:00 New York before 1993, 13:00 since; each rule at its first and last year.
    // Then full days where an early close might be expected (R): no day-after-Thanksgiving early close before 1992, no
    // July 3 early close before 1995, December 26 2008 and 2014, July 2 before an observed Friday July 3.
    [Theory]
    [InlineData("1990-12-24", "1990-12-24T19:00:00Z", true)] // Christmas Eve, 14:00 EST
    [InlineData("1992-11-27", "1992-11-27T19:00:00Z", true)] // first day-after-Thanksgiving early close, 14:00
    [InlineData("1993-11-26", "1993-11-26T18:00:00Z", true)] // 13:00 from 1993
    [InlineData("1995-07-03", "1995-07-03T17:00:00Z", true)] // first July 3 early close, 13:00 EDT
    [InlineData("1996-07-05", "1996-07-05T17:00:00Z", true)] // Friday after a Thursday July 4 (1995–2012)
    [InlineData("2002-07-05", "2002-07-05T17:00:00Z", true)]
    [InlineData("2013-07-03", "2013-07-03T17:00:00Z", true)] // Wednesday before a Thursday July 4 (from 2013)
    [InlineData("1997-12-26", "1997-12-26T18:00:00Z", true)] // ad hoc
    [InlineData("1999-12-31", "1999-12-31T18:00:00Z", true)] // ad hoc
    [InlineData("2003-12-26", "2003-12-26T18:00:00Z", true)] // ad hoc
    [InlineData("2025-07-03", "2025-07-03T17:00:00Z", true)]
    [InlineData("2025-12-24", "2025-12-24T18:00:00Z", true)]
    [InlineData("2027-11-26", "2027-11-26T18:00:00Z", true)]
    [InlineData("1991-11-29", "1991-11-29T21:00:00Z", false)]
    [InlineData("1991-07-03", "1991-07-03T20:00:00Z", false)]
    [InlineData("2008-12-26", "2008-12-26T21:00:00Z", false)]
    [InlineData("2014-12-26", "2014-12-26T21:00:00Z", false)]
    [InlineData("2020-07-02", "2020-07-02T20:00:00Z", false)]
    [InlineData("2026-07-02", "2026-07-02T20:00:00Z", false)]
    public void TryGetSession_EarlyCloseOrNot_ClosesAtTheUtcTime(string date, string closeUtc, bool early)
    {
        Assert.True(Nyse.TryGetSession(DateOnly.Parse(date), out TradingSession s));
        Assert.Equal(early, s.EarlyClose);
        Assert.Equal(DateTimeOffset.Parse(closeUtc), s.CloseUtc);
    }

    // Daylight saving (R, and the US rules: since 2007 second Sunday of March to first Sunday of November; before,
    // first Sunday of April to last Sunday of October): 09:30 New York is 14:30 UTC in winter, 13:30 in summer.
    [Theory]
    [InlineData("2024-03-08", "2024-03-08T14:30:00Z", "2024-03-08T21:00:00Z")]
    [InlineData("2024-03-11", "2024-03-11T13:30:00Z", "2024-03-11T20:00:00Z")]
    [InlineData("2024-11-01", "2024-11-01T13:30:00Z", "2024-11-01T20:00:00Z")]
    [InlineData("2024-11-04", "2024-11-04T14:30:00Z", "2024-11-04T21:00:00Z")]
    [InlineData("2006-03-31", "2006-03-31T14:30:00Z", "2006-03-31T21:00:00Z")]
    [InlineData("2006-04-03", "2006-04-03T13:30:00Z", "2006-04-03T20:00:00Z")]
    [InlineData("2006-10-27", "2006-10-27T13:30:00Z", "2006-10-27T20:00:00Z")]
    [InlineData("2006-10-30", "2006-10-30T14:30:00Z", "2006-10-30T21:00:00Z")]
    public void TryGetSession_DaylightSavingTransition_ShiftsUtcTimes(string date, string openUtc, string closeUtc)
    {
        Assert.True(Nyse.TryGetSession(DateOnly.Parse(date), out TradingSession s));
        Assert.Equal(DateTimeOffset.Parse(openUtc), s.OpenUtc);
        Assert.Equal(DateTimeOffset.Parse(closeUtc), s.CloseUtc);
    }

    [Fact]
    public void Sessions_WholeCoverage_StrictlyIncreasingNeverOnWeekendsAndConsistent()
    {
        TradingSession[] sessions = Nyse.SessionTimes(Nyse.FirstDate, Nyse.LastDate);
        Assert.Equal(8_324, Nyse.CountSessions(new DateOnly(1990, 1, 2), new DateOnly(2023, 1, 13)));
        for (int i = 0; i < sessions.Length; i++)
        {
            TradingSession s = sessions[i];
            Assert.True(i == 0 || s.Date > sessions[i - 1].Date);
            Assert.True(s.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{s.Date} is a weekend day");
            Assert.Equal(!s.EarlyClose ? 6.5 : s.Date.Year < 1993 ? 4.5 : 3.5, (s.CloseUtc - s.OpenUtc).TotalHours, 9);
            Assert.True(Nyse.IsSession(s.Date));
        }
    }

    /// <summary>Property: for any range, the sessions are strictly increasing weekdays, and the O(1) counts equal a day-by-day count.</summary>
    [Fact]
    public void Sessions_AnyRange_StrictlyIncreasingWeekdaysCountedExactly()
    {
        Gen<(DateOnly, DateOnly)> ranges =
            from start in Gen.Choose(-30, 14_000)
            from length in Gen.Choose(0, 400)
            select (Nyse.FirstDate.AddDays(start), Nyse.FirstDate.AddDays(start + length));
        Prop.ForAll(ranges.ToArbitrary(), range =>
        {
            (DateOnly a, DateOnly b) = range;
            DateOnly[] sessions = Nyse.Sessions(a, b);
            int naiveBetween = 0;
            for (DateOnly d = a.AddDays(1); d < b; d = d.AddDays(1))
            {
                naiveBetween += Nyse.IsSession(d) ? 1 : 0;
            }

            bool increasing = sessions.Zip(sessions.Skip(1)).All(p => p.First < p.Second);
            bool weekdays = sessions.All(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
            return increasing && weekdays && sessions.All(Nyse.IsSession)
                && Nyse.CountSessionsBetween(a, b) == naiveBetween && Nyse.CountSessions(a, b) == sessions.Length;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Coverage_DatesOutside_AreNotSessionsAndSaySo()
    {
        Assert.Equal(new DateOnly(1990, 1, 1), Nyse.FirstDate);
        Assert.Equal(new DateOnly(2027, 12, 31), Nyse.LastDate);
        Assert.False(Nyse.IsSession(new DateOnly(1989, 12, 29)));
        Assert.False(Nyse.IsSession(new DateOnly(2028, 1, 3)));
        Assert.Contains("outside the coverage of calendar XNYS (1990-01-01..2027-12-31)", Nyse.ClosureReason(new DateOnly(1989, 12, 29)), StringComparison.Ordinal);
        var ex = Assert.Throws<DomainValidationException>(() => Nyse.NextSession(new DateOnly(2027, 12, 31)));
        Assert.Equal(ErrorCodes.OutsideCoverage, ex.Code);
    }

    // Source: Easter dates from the Gregorian computus tables (2000-04-23, 2024-03-31, 2025-04-20, 2038-04-25).
    [Theory]
    [InlineData(2000, 4, 23)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2038, 4, 25)]
    public void EasterSunday_Year_MatchesTable(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), NyseRules.EasterSunday(year));
}
