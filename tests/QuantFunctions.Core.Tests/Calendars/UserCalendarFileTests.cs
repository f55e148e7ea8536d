using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.Calendars;

public sealed class UserCalendarFileTests
{
    private const string Tase = """
        { "id": "XTAE", "time_zone": "Asia/Jerusalem", "open": "09:59", "close": "17:14",
          "first_date": "2024-04-01", "last_date": "2024-04-30", "weekend": ["Friday", "Saturday"],
          "closures": [ { "date": "2024-04-23", "reason": "Passover" } ],
          "early_closes": [ { "date": "2024-04-22", "close": "14:00", "reason": "Passover eve" } ] }
        """;

    [Fact]
    public void Parse_RuleSet_BuildsWeeklyPatternMinusClosures()
    {
        SessionCalendar cal = UserCalendarFile.Parse(Tase, "calendars/xtae.json");

        Assert.Equal("XTAE", cal.Id);
        Assert.True(cal.IsSession(new DateOnly(2024, 4, 7))); // a Sunday trades
        Assert.False(cal.IsSession(new DateOnly(2024, 4, 5))); // a Friday does not
        Assert.Equal("Passover", cal.ClosureReason(new DateOnly(2024, 4, 23)));
        // Israel is on IDT (UTC+3) from 2024-03-29: 09:59 local = 06:59 UTC; the early close 14:00 = 11:00 UTC.
        Assert.True(cal.TryGetSession(new DateOnly(2024, 4, 22), out TradingSession eve));
        Assert.Equal(new DateTimeOffset(2024, 4, 22, 6, 59, 0, TimeSpan.Zero), eve.OpenUtc);
        Assert.Equal(new DateTimeOffset(2024, 4, 22, 11, 0, 0, TimeSpan.Zero), eve.CloseUtc);
        Assert.True(eve.EarlyClose);
        // April 2024 has 30 days: 8 Fridays/Saturdays (5, 6, 12, 13, 19, 20, 26, 27) and one closure → 21 sessions.
        Assert.Equal(21, cal.CountSessions(cal.FirstDate, cal.LastDate));
    }

    [Fact]
    public void Parse_SessionsFile_TradesExactlyTheListedDates()
    {
        SessionCalendar cal = UserCalendarFile.Parse(
            """{ "id": "MYVENUE", "time_zone": "Europe/London", "open": "08:00", "close": "16:30", "sessions": ["2024-01-02", "2024-01-03", "2024-01-06"] }""",
            "venue.json");

        Assert.Equal(["2024-01-02", "2024-01-03", "2024-01-06"], cal.Sessions(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31)).Select(d => d.ToString("yyyy-MM-dd")));
        Assert.Equal(new DateOnly(2024, 1, 2), cal.FirstDate);
        Assert.Equal(new DateOnly(2024, 1, 6), cal.LastDate);
        Assert.Equal(1, cal.CountSessionsBetween(new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 6)));
        Assert.Equal("not a listed session", cal.ClosureReason(new DateOnly(2024, 1, 4)));
    }

    [Theory]
    [InlineData("""{ "id": "XTAE" """, "not valid JSON")]
    [InlineData("""{ "id": "XTAE", "time_zone": "Asia/Jerusalem", "open": "09:59", "first_date": "2024-01-01", "last_date": "2024-01-31" }""", "missing field 'close'")]
    [InlineData("""{ "id": "XTAE", "time_zone": "Asia/Jerusalem", "open": "09:59", "close": "17:14", "first_date": "2024-01-01", "last_date": "2024-01-31", "holidays": [] }""", "unknown field 'holidays'")]
    [InlineData("""{ "id": "XTAE", "time_zone": "Asia/Jerusalem", "open": "09:59", "close": "17:14", "first_date": "2024-13-01", "last_date": "2024-01-31" }""", "field 'first_date': '2024-13-01' is not a yyyy-MM-dd date")]
    [InlineData("""{ "id": "XTAE", "time_zone": "Asia/Jerusalem", "open": "09:59", "close": "17:14", "first_date": "2024-01-01", "last_date": "2024-01-31", "closures": [ { "date": "2024-01-03" } ] }""", "closures[0]: missing field 'reason'")]
    [InlineData("""{ "id": "XTAE", "time_zone": "Asia/Jerusalem", "open": "09:59", "close": "17:14", "first_date": "2024-01-01", "last_date": "2024-01-31", "weekend": ["Freitag"] }""", "field 'weekend[0]': 'Freitag' is not a day name")]
    [InlineData("""{ "id": "XTAE", "time_zone": "Asia/Jerusalem", "open": "09:59", "close": "17:14", "first_date": "2024-01-01", "last_date": "2024-01-31", "early_closes": [ { "date": "2024-01-06", "close": "14:00", "reason": "x" } ] }""", "early close 2024-01-06 is not a session")]
    [InlineData("""{ "id": "xtae", "time_zone": "Asia/Jerusalem", "open": "09:59", "close": "17:14", "first_date": "2024-01-01", "last_date": "2024-01-31" }""", "the id must be 2–16 upper-case letters")]
    [InlineData("""{ "id": "XTAE", "time_zone": "Asia/Jerusalem", "open": "17:14", "close": "09:59", "first_date": "2024-01-01", "last_date": "2024-01-31" }""", "the close 09:59 must be after the open 17:14")]
    public void Parse_BadFile_ThrowsInvalidCalendarNamingFileAndField(string json, string problem)
    {
        var ex = Assert.Throws<DomainValidationException>(() => UserCalendarFile.Parse(json, "calendars/xtae.json"));

        Assert.Equal(ErrorCodes.InvalidCalendar, ex.Code);
        Assert.StartsWith("calendars/xtae.json: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownTimeZone_ThrowsUnknownTimeZone()
    {
        var ex = Assert.Throws<DomainValidationException>(() => UserCalendarFile.Parse(
            """{ "id": "XTAE", "time_zone": "Mars/Olympus", "open": "09:59", "close": "17:14", "first_date": "2024-01-01", "last_date": "2024-01-31" }""", "x.json"));
        Assert.Equal(ErrorCodes.UnknownTimeZone, ex.Code);
        Assert.Contains("x.json: field 'time_zone'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SessionCalendar_EveryDayAWeekendDay_IsRejected()
    {
        var ex = Assert.Throws<DomainValidationException>(() => new SessionCalendar(new SessionCalendarDefinition
        {
            Id = "XNONE", TimeZone = TimeZoneInfo.Utc, Open = new TimeOnly(9, 0), Close = new TimeOnly(17, 0),
            FirstDate = new DateOnly(2024, 1, 1), LastDate = new DateOnly(2024, 1, 31), WeekendDays = Enum.GetValues<DayOfWeek>(),
        }));
        Assert.Equal(ErrorCodes.InvalidCalendar, ex.Code);
    }
}
