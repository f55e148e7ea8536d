using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Returns;
using QuantFunctions.Core.Synthetic;

namespace QuantFunctions.Core.Tests.Synthetic;

public sealed class SyntheticMarketGeneratorTests
{
    private static readonly SyntheticMarket Default = SyntheticMarketGenerator.Generate(new SyntheticMarketOptions());

    [Fact]
    public void Generate_SameSeed_IdenticalArraysBitForBit()
    {
        SyntheticMarket again = SyntheticMarketGenerator.Generate(new SyntheticMarketOptions());
        Assert.Equal(Default.Assets, again.Assets);
        Assert.Equal(Default.Events, again.Events);
        for (int i = 0; i < Default.Bars.Count; i++)
        {
            BarSeries a = Default.Bars[i], b = again.Bars[i];
            Assert.Equal(a.Dates, b.Dates);
            foreach ((double[] x, double[] y) in new[] { (a.Open, b.Open), (a.High, b.High), (a.Low, b.Low), (a.Close, b.Close), (a.Volume, b.Volume) })
            {
                Assert.True(x.AsSpan().SequenceEqual(y), $"{a.Symbol}: arrays differ");
                Assert.Equal(BitConverter.DoubleToInt64Bits(x[^1]), BitConverter.DoubleToInt64Bits(y[^1]));
            }
        }
    }

    [Fact]
    public void Generate_OtherSeed_DifferentPrices()
    {
        SyntheticMarket other = SyntheticMarketGenerator.Generate(new SyntheticMarketOptions { Seed = 7 });
        Assert.NotEqual(Default.Bars[0].Close[^1], other.Bars[0].Close[^1]);
    }

    [Fact]
    public void Generate_Defaults_TwoMarketsOnTheirCalendarsWithAtLeast100Assets()
    {
        Assert.True(Default.Assets.Count >= 100);
        Assert.Equal(Default.Assets.Count, Default.Bars.Count);
        var opts = new SyntheticMarketOptions();
        TradingCalendar nyse = ExchangeCalendars.Nyse;
        bool cryptoWeekend = false;
        for (int i = 0; i < Default.Assets.Count; i++)
        {
            AssetInfo a = Default.Assets[i];
            BarSeries bars = Default.Bars[i];
            Assert.Equal(a.Symbol, bars.Symbol);
            Assert.Equal(a.ListedOn, bars.Dates[0]);
            if (a.AssetType == AssetType.Equity)
            {
                Assert.Equal("XNYS", a.Symbol.Exchange);
                nyse.EnsureSessions(bars.Dates, a.Symbol.Value);
            }
            else
            {
                Assert.Equal(ExchangeCalendars.CryptoId, a.CalendarId);
                foreach (DateOnly d in bars.Dates)
                {
                    cryptoWeekend |= d.DayOfWeek == DayOfWeek.Sunday;
                }
            }
        }

        Assert.True(cryptoWeekend);
        Assert.Contains(Default.Assets, a => a.AssetType == AssetType.Equity);
    }

    [Fact]
    public void Generate_Defaults_EveryBarIsOhlcConsistent()
    {
        foreach (BarSeries bars in Default.Bars)
        {
            Assert.Equal(-1, bars.FindOhlcViolation());
        }
    }

    [Fact]
    public void Generate_Defaults_InjectsTheDeclaredEvents()
    {
        var opts = new SyntheticMarketOptions();
        var bySymbol = new Dictionary<string, int>();
        for (int i = 0; i < Default.Assets.Count; i++)
        {
            bySymbol[Default.Assets[i].Symbol.Value] = i;
        }

        int Count(SyntheticEventKind kind) => Default.Events.Count(e => e.Kind == kind);
        Assert.Equal(2 * opts.ListingsPerMarket, Count(SyntheticEventKind.Listing));
        Assert.Equal(2 * opts.DelistingsPerMarket, Count(SyntheticEventKind.Delisting));
        Assert.Equal(2 * opts.GapsPerMarket, Count(SyntheticEventKind.Gap));
        Assert.Equal(2 * opts.ToxicPrintsPerMarket, Count(SyntheticEventKind.ToxicPrint));
        Assert.Equal(2 * opts.StaleSymbolsPerMarket, Count(SyntheticEventKind.Stale));
        Assert.Equal(2, Count(SyntheticEventKind.Crisis));
        foreach (SyntheticEvent e in Default.Events.Where(e => e.Kind != SyntheticEventKind.Crisis))
        {
            int i = bySymbol[e.Subject];
            AssetInfo asset = Default.Assets[i];
            BarSeries bars = Default.Bars[i];
            TradingCalendar cal = ExchangeCalendars.Resolve(asset.CalendarId);
            switch (e.Kind)
            {
                case SyntheticEventKind.Listing:
                    Assert.True(bars.Dates[0] > opts.Start.AddDays(7));
                    break;
                case SyntheticEventKind.Delisting:
                    Assert.Equal(bars.Dates[^1], asset.DelistedOn);
                    Assert.True(bars.Dates[^1] < opts.End.AddDays(-30));
                    break;
                case SyntheticEventKind.Stale:
                    Assert.Null(asset.DelistedOn);
                    Assert.True(bars.Dates[^1] <= opts.End.AddDays(-opts.StaleDays));
                    break;
                case SyntheticEventKind.Gap:
                    SessionGap gap = Assert.Single(MarketDayNormalization.FindGaps(cal, bars.Dates));
                    Assert.Equal(e.Sessions, gap.MissingSessions);
                    Assert.Equal(e.Sessions == 1, gap.Tolerated);
                    break;
                case SyntheticEventKind.ToxicPrint:
                    ReturnPanel r = ReturnCalculator.FromBars([bars], ReturnOptions.CalendarAware(_ => cal, ReturnKind.Simple));
                    int row = Array.IndexOf(r.Dates, e.Date);
                    Assert.True(r[row, 0] > 5.0, $"{e.Subject}: toxic print return {r[row, 0]} should exceed +500%");
                    break;
                default:
                    break;
            }
        }
    }

    [Fact]
    public void Generate_InvalidOptions_ThrowsNamingTheOption()
    {
        var ex = Assert.Throws<DomainValidationException>(() => SyntheticMarketGenerator.Generate(new SyntheticMarketOptions { GarchAlpha = 0.2, GarchBeta = 0.85 }));
        Assert.Equal(ErrorCodes.InvalidInput, ex.Code);
        Assert.Contains("GARCH", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<DomainValidationException>(() => SyntheticMarketGenerator.Generate(new SyntheticMarketOptions { Markets = SyntheticMarketOptions.DefaultMarkets(5, 60) }));
        Assert.Equal(ErrorCodes.InvalidInput, ex.Code);
        Assert.Contains("market BINANCE", ex.Message, StringComparison.Ordinal);
    }
}
