using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.Market;

public sealed class CloseToCloseReturnsTests
{
    private static readonly TradingCalendar Nyse = ExchangeCalendars.Nyse;

    private static BarSeries Bars(DateOnly[] dates, double[] close) =>
        new(Symbol.Parse("XNYS:TEST"), dates, close, close, close, close, Ones(close.Length));

    private static double[] Ones(int n)
    {
        double[] v = new double[n];
        Array.Fill(v, 1.0);
        return v;
    }

    [Fact]
    public void Compute_WeekendHolidayOneMissingAndGap_BooksOnlyCalendarSafeReturns()
    {
        // 2024-03-22 Fri, 03-25 Mon (weekend between: consecutive sessions), 03-26 missing (1 session: tolerated),
        // 03-27, 03-28 Thu, 03-29 Good Friday (NYSE holiday) so 04-01 Mon is consecutive, then 04-02 and 04-03
        // missing (2 sessions: a gap) so 04-04 gets no return. Hand calculation.
        DateOnly[] dates = [new(2024, 3, 22), new(2024, 3, 25), new(2024, 3, 27), new(2024, 3, 28), new(2024, 4, 1), new(2024, 4, 4)];
        double[] close = [100, 102, 104.04, 105, 94.5, 200];
        DatedSeries r = CloseToCloseReturns.Compute(Bars(dates, close), Nyse, ReturnKind.Simple);
        Assert.Equal([new DateOnly(2024, 3, 25), new(2024, 3, 27), new(2024, 3, 28), new(2024, 4, 1)], r.Dates);
        Approx.Abs(0.02, r.Values[0], 1e-15, "Fri→Mon");
        Approx.Abs(0.02, r.Values[1], 1e-15, "across one tolerated missing session");
        Approx.Abs((105 / 104.04) - 1, r.Values[2], 1e-15, "consecutive");
        Approx.Abs(-0.1, r.Values[3], 1e-15, "across Good Friday");
    }

    [Fact]
    public void Compute_ZeroTolerance_DropsReturnAcrossSingleMissingSession()
    {
        DateOnly[] dates = [new(2024, 3, 25), new(2024, 3, 27)];
        DatedSeries r = CloseToCloseReturns.Compute(Bars(dates, [100, 110]), Nyse, ReturnKind.Simple, toleratedMissingSessions: 0);
        Assert.Equal(0, r.Count);
    }

    [Fact]
    public void Compute_LogKind_ReturnsLogRatio()
    {
        DateOnly[] dates = [new(2024, 3, 25), new(2024, 3, 26)];
        DatedSeries r = CloseToCloseReturns.Compute(Bars(dates, [100, 110]), Nyse, ReturnKind.Log);
        Approx.Abs(Math.Log(1.1), r.Values[0], 1e-15, "log return");
    }

    [Fact]
    public void Compute_CryptoCalendarFridayToMonday_IsAGap()
    {
        // On XCRY Saturday and Sunday are sessions: Fri → Mon misses 2 sessions, more than the 1 tolerated.
        DateOnly[] dates = [new(2024, 3, 22), new(2024, 3, 25)];
        var bars = new BarSeries(Symbol.Parse("BINANCE:BTCUSDT"), dates, [1, 1], [1, 1], [1, 1], [100, 120], [1, 1]);
        Assert.Equal(0, CloseToCloseReturns.Compute(bars, ExchangeCalendars.Crypto, ReturnKind.Simple).Count);
    }

    [Fact]
    public void Compute_BarOnHoliday_ThrowsNotASession()
    {
        DateOnly[] dates = [new(2024, 3, 28), new(2024, 3, 29)];
        var ex = Assert.Throws<DomainValidationException>(() => CloseToCloseReturns.Compute(Bars(dates, [1, 2]), Nyse, ReturnKind.Simple));
        Assert.Equal(ErrorCodes.NotASession, ex.Code);
        Assert.Contains("2024-03-29", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NonPositiveClose_ThrowsNamingRow()
    {
        DateOnly[] dates = [new(2024, 3, 27), new(2024, 3, 28)];
        var ex = Assert.Throws<DomainValidationException>(() => CloseToCloseReturns.Compute(Bars(dates, [1, 0]), Nyse, ReturnKind.Simple));
        Assert.Equal(ErrorCodes.NonFiniteValue, ex.Code);
        Assert.Contains("row 1", ex.Message, StringComparison.Ordinal);
    }
}
