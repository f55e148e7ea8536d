using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Returns;
using QuantFunctions.Core.Tests.Market;

namespace QuantFunctions.Core.Tests.Returns;

public sealed class ReturnCalculatorTests
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

    /// <summary>The calendar-aware returns of one symbol's bars: a one-column panel.</summary>
    private static ReturnPanel CalendarAware(BarSeries bars, TradingCalendar calendar, ReturnKind kind, int toleratedMissingSessions = MarketDayNormalization.DefaultToleratedMissingSessions) =>
        ReturnCalculator.FromBars([bars], ReturnOptions.CalendarAware(_ => calendar, kind, toleratedMissingSessions));

    [Fact]
    public void FromBars_CalendarAwareWeekendHolidayOneMissingAndGap_BooksOnlyCalendarSafeReturns()
    {
        // 2024-03-22 Fri, 03-25 Mon (weekend between: consecutive sessions), 03-26 missing (1 session: tolerated),
        // 03-27, 03-28 Thu, 03-29 Good Friday (NYSE holiday) so 04-01 Mon is consecutive, then 04-02 and 04-03
        // missing (2 sessions: a gap) so 04-04 gets no return. Hand calculation.
        DateOnly[] dates = [new(2024, 3, 22), new(2024, 3, 25), new(2024, 3, 27), new(2024, 3, 28), new(2024, 4, 1), new(2024, 4, 4)];
        double[] close = [100, 102, 104.04, 105, 94.5, 200];
        ReturnPanel r = CalendarAware(Bars(dates, close), Nyse, ReturnKind.Simple);
        Assert.Equal([new DateOnly(2024, 3, 25), new(2024, 3, 27), new(2024, 3, 28), new(2024, 4, 1)], r.Dates);
        Approx.Abs(0.02, r[0, 0], 1e-15, "Fri→Mon");
        Approx.Abs(0.02, r[1, 0], 1e-15, "across one tolerated missing session");
        Approx.Abs((105 / 104.04) - 1, r[2, 0], 1e-15, "consecutive");
        Approx.Abs(-0.1, r[3, 0], 1e-15, "across Good Friday");
    }

    [Fact]
    public void FromBars_CalendarAwareZeroTolerance_DropsReturnAcrossSingleMissingSession()
    {
        DateOnly[] dates = [new(2024, 3, 25), new(2024, 3, 27)];
        ReturnPanel r = CalendarAware(Bars(dates, [100, 110]), Nyse, ReturnKind.Simple, toleratedMissingSessions: 0);
        Assert.Equal(0, r.RowCount);
    }

    [Fact]
    public void FromBars_LogKind_ReturnsLogRatio()
    {
        DateOnly[] dates = [new(2024, 3, 25), new(2024, 3, 26)];
        ReturnPanel r = CalendarAware(Bars(dates, [100, 110]), Nyse, ReturnKind.Log);
        Approx.Abs(Math.Log(1.1), r[0, 0], 1e-15, "log return");
    }

    [Fact]
    public void FromBars_CryptoCalendarFridayToMonday_IsAGap()
    {
        // On XCRY Saturday and Sunday are sessions: Fri → Mon misses 2 sessions, more than the 1 tolerated.
        DateOnly[] dates = [new(2024, 3, 22), new(2024, 3, 25)];
        var bars = new BarSeries(Symbol.Parse("BINANCE:BTCUSDT"), dates, [1, 1], [1, 1], [1, 1], [100, 120], [1, 1]);
        Assert.Equal(0, CalendarAware(bars, ExchangeCalendars.Crypto, ReturnKind.Simple).RowCount);
    }

    [Fact]
    public void FromBars_CalendarAwareBarOnHoliday_ThrowsNotASession()
    {
        DateOnly[] dates = [new(2024, 3, 28), new(2024, 3, 29)];
        var ex = Assert.Throws<DomainValidationException>(() => CalendarAware(Bars(dates, [1, 2]), Nyse, ReturnKind.Simple));
        Assert.Equal(ErrorCodes.NotASession, ex.Code);
        Assert.Contains("2024-03-29", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBars_NonPositiveClose_ThrowsNamingRow()
    {
        DateOnly[] dates = [new(2024, 3, 27), new(2024, 3, 28)];
        var ex = Assert.Throws<DomainValidationException>(() => CalendarAware(Bars(dates, [1, 0]), Nyse, ReturnKind.Simple));
        Assert.Equal(ErrorCodes.NonFiniteValue, ex.Code);
        Assert.Contains("row 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBars_CalendarAwareTwoSymbols_AlignsOnUnionWithNaNWhereNoReturn()
    {
        // A trades Mon-Wed, B Tue-Thu: A has returns on Tue and Wed, B on Wed and Thu; the union keeps Tue..Thu.
        DateOnly mon = new(2024, 3, 25), tue = new(2024, 3, 26), wed = new(2024, 3, 27), thu = new(2024, 3, 28);
        var a = new BarSeries(Symbol.Parse("XNYS:A"), [mon, tue, wed], [1, 1, 1], [1, 1, 1], [1, 1, 1], [100, 110, 121], [1, 1, 1]);
        var b = new BarSeries(Symbol.Parse("XNYS:B"), [tue, wed, thu], [1, 1, 1], [1, 1, 1], [1, 1, 1], [50, 25, 50], [1, 1, 1]);
        ReturnPanel r = ReturnCalculator.FromBars([a, b], ReturnOptions.CalendarAware(_ => Nyse));
        Assert.Equal([tue, wed, thu], r.Dates);
        Assert.Equal(["XNYS:A", "XNYS:B"], r.Columns);
        Approx.Abs(0.1, r[0, 0], 1e-15, "A Tue");
        Approx.Abs(0.1, r[1, 0], 1e-15, "A Wed");
        Assert.True(double.IsNaN(r[2, 0]), "A has no Thursday bar");
        Assert.True(double.IsNaN(r[0, 1]), "B's first bar has no return");
        Approx.Abs(-0.5, r[1, 1], 1e-15, "B Wed");
        Approx.Abs(1.0, r[2, 1], 1e-15, "B Thu");
    }

    [Fact]
    public void FromPrices_Pandas_MissingPriceGivesNaNAndAllMissingRowsAreDropped()
    {
        // pandas: pd.DataFrame({"A": [nan, nan, 10, 11], "B": [nan, 20, nan, 22]}).pct_change(fill_method=None).dropna(how="all")
        // keeps the last row only: A 0.1, B NaN (B's previous price is missing).
        ReturnPanel prices = ReturnPanel.Undated(["A", "B"], 4, [double.NaN, double.NaN, 10, 11, double.NaN, 20, double.NaN, 22], new RowLabels("date", ["d0", "d1", "d2", "d3"]));
        ReturnPanel r = ReturnCalculator.FromPrices(prices, ReturnOptions.Pandas);
        Assert.Equal(1, r.RowCount);
        Assert.False(r.HasDates);
        Assert.Equal(["d3"], r.RowLabels!.Labels);
        Assert.Equal((11.0 / 10) - 1, r[0, 0]);
        Assert.True(double.IsNaN(r[0, 1]));
    }

    [Fact]
    public void FromPrices_PandasOnDatedPrices_IgnoresCalendarGaps()
    {
        // The same bars as the calendar-aware gap case: pandas spans every pair of adjacent rows.
        DateOnly[] dates = [new(2024, 3, 28), new(2024, 4, 4)];
        ReturnPanel r = ReturnCalculator.FromPrices(new ReturnPanel(dates, ["XNYS:TEST"], [100, 110]));
        Assert.Equal([new DateOnly(2024, 4, 4)], r.Dates);
        Approx.Abs(0.1, r[0, 0], 1e-15, "across the gap");
    }

    [Fact]
    public void FromPrices_CalendarAwareOnDatedPrices_SkipsMissingPricesAndGaps()
    {
        DateOnly[] dates = [new(2024, 3, 25), new(2024, 3, 26), new(2024, 3, 27), new(2024, 4, 4)];
        var prices = new ReturnPanel(dates, ["XNYS:TEST"], [100, double.NaN, 102, 150]);
        ReturnPanel r = ReturnCalculator.FromPrices(prices, ReturnOptions.CalendarAware(_ => Nyse));
        Assert.Equal([new DateOnly(2024, 3, 27)], r.Dates);
        Approx.Abs(0.02, r[0, 0], 1e-15, "across one tolerated missing price");
    }

    [Fact]
    public void FromPrices_BadPricesOrTooFewRows_ThrowAllocationException()
    {
        var negative = Assert.Throws<AllocationException>(() => ReturnCalculator.FromPrices(ReturnPanel.Undated(["a", "b"], 2, [1, 2, 3, -1])));
        Assert.Equal(ErrorCodes.NonFiniteValue, negative.Code);
        Assert.Equal("b", negative.Subject);
        var few = Assert.Throws<AllocationException>(() => ReturnCalculator.FromPrices(ReturnPanel.Undated(["a"], 1, [1])));
        Assert.Equal(ErrorCodes.InsufficientData, few.Code);
    }

    [Fact]
    public void FromPrices_CalendarAwareUndated_Throws() =>
        Assert.Throws<ArgumentException>(() => ReturnCalculator.FromPrices(ReturnPanel.Undated(["XNYS:A"], 2, [1, 2]), ReturnOptions.CalendarAware(_ => Nyse)));
}
