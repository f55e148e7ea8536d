using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.Calendars;

public sealed class ExchangeCalendarsTests
{
    [Fact]
    public void Sessions_CryptoLeapYear_Has366()
    {
        Assert.Equal(366, ExchangeCalendars.Crypto.Sessions(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)).Length);
    }

    [Fact]
    public void TryGetSession_Crypto_RunsMidnightToMidnightUtc()
    {
        Assert.True(ExchangeCalendars.Crypto.TryGetSession(new DateOnly(2024, 3, 10), out TradingSession s));
        Assert.Equal(new DateTimeOffset(2024, 3, 10, 0, 0, 0, TimeSpan.Zero), s.OpenUtc);
        Assert.Equal(new DateTimeOffset(2024, 3, 11, 0, 0, 0, TimeSpan.Zero), s.CloseUtc);
        Assert.Equal(3, ExchangeCalendars.Crypto.CountSessionsBetween(new DateOnly(2024, 3, 8), new DateOnly(2024, 3, 12)));
    }

    [Theory]
    [InlineData("XLON")]
    [InlineData("xnys")]
    [InlineData("")]
    public void Resolve_UnknownId_ThrowsUnknownCalendarNamingIt(string id)
    {
        var ex = Assert.Throws<DomainValidationException>(() => ExchangeCalendars.Resolve(id));
        Assert.Equal(ErrorCodes.UnknownCalendar, ex.Code);
        Assert.Contains($"'{id}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nasdaq_HasTheNyseSessionsAndTimes()
    {
        var first = new DateOnly(1990, 1, 1);
        var last = new DateOnly(2027, 12, 31);
        Assert.Equal(ExchangeCalendars.Nyse.SessionTimes(first, last), ExchangeCalendars.Nasdaq.SessionTimes(first, last));
        Assert.Equal("XNAS", ExchangeCalendars.Nasdaq.Id);
    }

    [Fact]
    public void KnownAtOffsetAndPeriods_BuiltIns_AreTheDocumentedValues()
    {
        Assert.Equal(TimeSpan.FromHours(21), ExchangeCalendars.Nyse.KnownAtOffset);
        Assert.Equal(TimeSpan.FromHours(24), ExchangeCalendars.Crypto.KnownAtOffset);
        Assert.Equal(TimeSpan.FromHours(22), ExchangeCalendars.Forex.KnownAtOffset);
        Assert.Equal(252, ExchangeCalendars.Nyse.PeriodsPerYear);
        Assert.Equal(365, ExchangeCalendars.Crypto.PeriodsPerYear);
        Assert.Equal(260, ExchangeCalendars.Forex.PeriodsPerYear);
    }
}
