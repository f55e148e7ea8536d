using QuantFunctions.Core.DataQuality;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.DataQuality;

public sealed class HealthAuditorTests
{
    private static readonly HealthAuditor Auditor = new();

    [Fact]
    public void Audit_CleanLongHistory_IsHealthy()
    {
        DateOnly[] sessions = HealthFixtures.DailySessions(600);
        BarSeries bars = HealthFixtures.OnDates("BINANCE:BTCUSDT", sessions);
        SymbolHealth health = Auditor.Audit(bars, AssetClass.Crypto, sessions, HealthFixtures.JustAfter(bars));
        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Empty(health.Reasons);
    }

    [Theory]
    [InlineData(60, HealthStatus.Dropped)]   // 60 days < 90-day floor
    [InlineData(200, HealthStatus.Degraded)] // 90 ≤ 200 < 500-day look-back
    [InlineData(500, HealthStatus.Healthy)]
    public void Audit_ShortHistory_AppliesFloorAndLookback(int days, HealthStatus expected)
    {
        DateOnly[] sessions = HealthFixtures.DailySessions(days);
        BarSeries bars = HealthFixtures.OnDates("BINANCE:NEWUSDT", sessions);
        SymbolHealth health = Auditor.Audit(bars, AssetClass.Crypto, sessions, HealthFixtures.JustAfter(bars));
        Assert.Equal(expected, health.Status);
        Assert.All(health.Reasons, r => Assert.Equal(HealthRule.SecularHistory, r.Rule));
    }

    [Fact]
    public void Audit_ThreeSessionHole_IsDegradedWithTimestamp()
    {
        DateOnly[] sessions = HealthFixtures.DailySessions(600);
        var dates = sessions.ToList();
        dates.RemoveRange(300, 3); // sessions 300, 301, 302 missing: one run of 3 > tolerated 1
        dates.RemoveAt(400);       // an isolated missing session: tolerated (market-day normalisation)
        BarSeries bars = HealthFixtures.OnDates("BINANCE:ETHUSDT", dates);
        SymbolHealth health = Auditor.Audit(bars, AssetClass.Crypto, sessions, HealthFixtures.JustAfter(bars));
        Assert.Equal(HealthStatus.Degraded, health.Status);
        HealthReason gap = Assert.Single(health.Reasons);
        Assert.Equal(HealthRule.Gaps, gap.Rule);
        Assert.Equal(new DateTimeOffset(sessions[300].ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), gap.Timestamp);
        Assert.Contains("3 consecutive", gap.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_TwentyPercentMissing_IsDroppedForDensity()
    {
        // Every 5th session missing: isolated single gaps (each tolerated) but 20% > 10% of the union index.
        DateOnly[] sessions = HealthFixtures.DailySessions(600);
        var dates = new List<DateOnly>();
        for (int i = 0; i < sessions.Length; i++)
        {
            if (i % 5 != 2)
            {
                dates.Add(sessions[i]);
            }
        }

        BarSeries bars = HealthFixtures.OnDates("BINANCE:SPARSEUSDT", dates);
        SymbolHealth health = Auditor.Audit(bars, AssetClass.Crypto, sessions, HealthFixtures.JustAfter(bars));
        Assert.Equal(HealthStatus.Dropped, health.Status);
        HealthReason density = Assert.Single(health.Reasons);
        Assert.Equal(HealthRule.Density, density.Rule);
    }

    [Theory]
    [InlineData(AssetClass.Crypto, 23, HealthStatus.Healthy)]
    [InlineData(AssetClass.Crypto, 25, HealthStatus.Degraded)]   // > 24 h
    [InlineData(AssetClass.Equity, 100, HealthStatus.Healthy)]
    [InlineData(AssetClass.Equity, 170, HealthStatus.Degraded)]  // > 168 h
    public void Audit_StaleLastBar_AppliesFreshnessByAssetClass(AssetClass assetClass, int hoursAfterClose, HealthStatus expected)
    {
        DateOnly[] sessions = HealthFixtures.DailySessions(600);
        BarSeries bars = HealthFixtures.OnDates("X:STALE", sessions);
        DateTimeOffset asOf = bars.OpenTime(bars.Count - 1).AddDays(1).AddHours(hoursAfterClose);
        SymbolHealth health = Auditor.Audit(bars, assetClass, sessions, asOf);
        Assert.Equal(expected, health.Status);
        if (expected == HealthStatus.Degraded)
        {
            Assert.Equal(HealthRule.Freshness, Assert.Single(health.Reasons).Rule);
        }
    }

    [Fact]
    public void Audit_ToxicPrint_IsDroppedWithTimestampedReason()
    {
        DateOnly[] sessions = HealthFixtures.DailySessions(600);
        BarSeries bars = HealthFixtures.OnDates("BINANCE:SCAMUSDT", sessions);
        bars.Close[250] = bars.Close[249] * 7; // +600%
        bars.High[250] = bars.Close[250];
        bars.Open[251] = bars.Close[250];
        bars.High[251] = bars.Open[251];
        SymbolHealth health = Auditor.Audit(bars, AssetClass.Crypto, sessions, HealthFixtures.JustAfter(bars));
        Assert.Equal(HealthStatus.Dropped, health.Status);
        HealthReason toxic = Assert.Single(health.Reasons, r => r.Rule == HealthRule.Toxicity);
        Assert.Equal(bars.OpenTime(250), toxic.Timestamp);
        Assert.Equal(HealthStatus.Dropped, toxic.Severity);
    }

    [Fact]
    public void Audit_OhlcViolations_AreDropped()
    {
        DateOnly[] sessions = HealthFixtures.DailySessions(600);
        BarSeries bars = HealthFixtures.OnDates("X:BADOHLC", sessions);
        bars.High[10] = bars.Close[10] - 0.1;  // high below close
        bars.Low[20] = bars.Open[20] + 0.1;    // low above open
        SymbolHealth health = Auditor.Audit(bars, AssetClass.Crypto, sessions, HealthFixtures.JustAfter(bars));
        Assert.Equal(HealthStatus.Dropped, health.Status);
        Assert.Equal([bars.OpenTime(10), bars.OpenTime(20)], health.Reasons.Where(r => r.Rule == HealthRule.OhlcSanity).Select(r => r.Timestamp!.Value));
    }

    [Fact]
    public void Audit_NonPositivePrice_IsDropped()
    {
        DateOnly[] sessions = HealthFixtures.DailySessions(600);
        BarSeries bars = HealthFixtures.OnDates("X:NEG", sessions);
        bars.Low[30] = -1;
        SymbolHealth health = Auditor.Audit(bars, AssetClass.Crypto, sessions, HealthFixtures.JustAfter(bars));
        Assert.Contains(health.Reasons, r => r.Rule == HealthRule.OhlcSanity && r.Detail.Contains("non-positive", StringComparison.Ordinal));
    }

    [Fact]
    public void Audit_DuplicateTimestamp_IsDropped()
    {
        DateOnly[] sessions = HealthFixtures.DailySessions(600);
        var dates = sessions.ToList();
        dates.Insert(100, dates[100]);
        BarSeries bars = HealthFixtures.OnDates("X:DUP", dates);
        SymbolHealth health = Auditor.Audit(bars, AssetClass.Crypto, sessions, HealthFixtures.JustAfter(bars));
        Assert.Equal(HealthStatus.Dropped, health.Status);
        HealthReason dup = Assert.Single(health.Reasons, r => r.Rule == HealthRule.Timestamps);
        Assert.Contains("duplicate", dup.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_BarKnownAfterAsOf_IsDroppedAsLookAhead()
    {
        DateOnly[] sessions = HealthFixtures.DailySessions(600);
        BarSeries bars = HealthFixtures.OnDates("X:FUTURE", sessions);
        SymbolHealth health = Auditor.Audit(bars, AssetClass.Crypto, sessions, bars.OpenTime(bars.Count - 1).AddHours(12));
        Assert.Contains(health.Reasons, r => r.Rule == HealthRule.Timestamps && r.Detail.Contains("look-ahead", StringComparison.Ordinal));
    }

    [Fact]
    public void Audit_ManyNaNs_CapsReasonsAndSummarises()
    {
        DateOnly[] sessions = HealthFixtures.DailySessions(600);
        BarSeries bars = HealthFixtures.OnDates("X:NAN", sessions);
        for (int i = 100; i < 130; i++)
        {
            bars.Volume[i] = double.NaN;
        }

        SymbolHealth health = Auditor.Audit(bars, AssetClass.Crypto, sessions, HealthFixtures.JustAfter(bars));
        Assert.Equal(HealthStatus.Dropped, health.Status);
        var nan = health.Reasons.Where(r => r.Rule == HealthRule.MissingValues).ToList();
        Assert.Equal(21, nan.Count); // 20 listed + 1 summary of the other 10
        Assert.Contains("10 more", nan[^1].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, HealthStatus.Degraded)]
    [InlineData(true, HealthStatus.Dropped)]
    public void Audit_WeekendBarOnEquityCalendar_IsOffCalendarDroppedOnlyWithStrictCalendar(bool strictCalendar, HealthStatus expected)
    {
        DateOnly[] sessions = HealthFixtures.WeekdaySessions(450);
        var dates = sessions.ToList();
        dates.Insert(5, sessions[4].AddDays(1)); // Saturday after the first Friday
        BarSeries bars = HealthFixtures.OnDates("NYSE:SPY", dates);
        var auditor = new HealthAuditor(new HealthOptions { StrictCalendar = strictCalendar });

        SymbolHealth health = auditor.Audit(bars, AssetClass.Equity, sessions, HealthFixtures.JustAfter(bars));

        Assert.Equal(expected, health.Status);
        HealthReason reason = Assert.Single(health.Reasons);
        Assert.Equal((HealthRule.OffCalendar, expected), (reason.Rule, reason.Severity));
        Assert.Contains($"bar on {sessions[4].AddDays(1):yyyy-MM-dd}, which is not an expected session", reason.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_StrictModeDroppedSymbol_ThrowsNamingSymbolAndRule()
    {
        var strict = new HealthAuditor(new HealthOptions { Strict = true });
        DateOnly[] sessions = HealthFixtures.DailySessions(600);
        BarSeries bars = HealthFixtures.OnDates("BINANCE:SCAMUSDT", sessions);
        bars.Close[250] = bars.Close[249] * 0.1 / 100; // −99.9%: not toxic (|r| ≤ 5) but close below low
        var ex = Assert.Throws<HealthCheckException>(() => strict.Audit(bars, AssetClass.Crypto, sessions, HealthFixtures.JustAfter(bars)));
        Assert.Equal("BINANCE:SCAMUSDT", ex.Symbol);
        Assert.Equal(ErrorCodes.HealthCheckFailed, ex.Code);
        Assert.Equal(HealthRule.OhlcSanity, ex.Rule);
        Assert.Contains("BINANCE:SCAMUSDT", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_StrictModeDegradedSymbol_DoesNotThrow()
    {
        var strict = new HealthAuditor(new HealthOptions { Strict = true });
        DateOnly[] sessions = HealthFixtures.DailySessions(200);
        BarSeries bars = HealthFixtures.OnDates("X:YOUNG", sessions);
        Assert.Equal(HealthStatus.Degraded, strict.Audit(bars, AssetClass.Crypto, sessions, HealthFixtures.JustAfter(bars)).Status);
    }

    [Fact]
    public void AuditMany_MixedUniverse_KeepsInputOrder()
    {
        DateOnly[] sessions = HealthFixtures.DailySessions(600);
        BarSeries good = HealthFixtures.OnDates("X:GOOD", sessions), young = HealthFixtures.OnDates("X:YOUNG", sessions[400..]);
        IReadOnlyList<SymbolHealth> results = Auditor.AuditMany([young, good], AssetClass.Crypto, sessions, HealthFixtures.JustAfter(good));
        Assert.Equal(["X:YOUNG", "X:GOOD"], results.Select(r => r.Symbol));
        Assert.Equal([HealthStatus.Degraded, HealthStatus.Healthy], results.Select(r => r.Status));
    }

    [Fact]
    public void Constructor_InvalidThreshold_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new HealthAuditor(new HealthOptions { MaxGapFraction = 1.5 }));
        Assert.Equal("MaxGapFraction", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new HealthAuditor(new HealthOptions { LookbackDays = 30 }));
    }

    [Fact]
    public void Audit_UnsortedSessions_Throws()
    {
        BarSeries bars = HealthFixtures.OnDates("X:Y", HealthFixtures.DailySessions(10));
        DateOnly[] sessions = [.. HealthFixtures.DailySessions(10).Reverse()];
        Assert.Throws<ArgumentException>(() => Auditor.Audit(bars, AssetClass.Crypto, sessions, HealthFixtures.JustAfter(bars)));
    }
}
