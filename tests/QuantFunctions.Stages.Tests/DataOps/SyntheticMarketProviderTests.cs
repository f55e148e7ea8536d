using QuantFunctions.Testing.Lake;
using QuantFunctions.Core.Discovery;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Synthetic;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.DataOps.Providers;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Stages.Datasets;
using QuantFunctions.Testing;

namespace QuantFunctions.Stages.Tests.DataOps;

public sealed class SyntheticMarketProviderTests
{
    private static readonly SyntheticMarketOptions Options = new()
    {
        Seed = 3,
        Start = new DateOnly(2024, 1, 1),
        CalendarDays = 200,
        Markets = SyntheticMarketOptions.DefaultMarkets(20, 20),
        ToxicPrintsPerMarket = 1,
        StaleSymbolsPerMarket = 1,
    };

    [Fact]
    public async Task Provider_ExposesInjectedEventsAndFetchesTheGeneratorsBars()
    {
        var provider = new SyntheticMarketProvider(Options);

        // Options: per market 1 stale symbol, 1 toxic print, default 2 delistings and 4 gaps; two markets.
        Assert.Equal(2, provider.StaleSymbols.Count);
        Assert.Equal(2, provider.ToxicSymbols.Count);
        Assert.Equal(4, provider.DelistedSymbols.Count);
        Assert.Equal(8, provider.GapSymbols.Count);

        BarSeries source = provider.Market.Bars[0];
        DateOnly first = source.Dates[10], last = source.Dates[19];
        ProviderFetch fetch = await provider.FetchBarsAsync(source.Symbol, first, last, CancellationToken.None);
        Assert.Equal(source.Dates[10..20], fetch.Bars.Dates);
        Assert.Equal(source.Close[10..20], fetch.Bars.Close);

        CandidateSet set = CandidateNormalizer.Normalize(await provider.DiscoverAsync(CancellationToken.None), CandidateMode.Strict);
        Assert.Equal(40, set.Candidates.Count);
        Assert.All(set.Candidates, c => Assert.NotNull(UniverseConfig.DailyVolatility(c)));
    }

    [Fact]
    public async Task ReadParquet_LongLayoutBronzeShapedFile_ReadsDateColumnAndSymbols()
    {
        var provider = new SyntheticMarketProvider(Options);
        BarSeries[] series = [provider.Market.Bars[0], provider.Market.Bars[1]];
        LakeTable table = BarsTable.FromSeries(series, DateOnly.MinValue, DateOnly.MaxValue);
        var lake = new InMemoryLakeStore();
        LakePath path = LakePath.Parse("tmp/bars.parquet");
        await LakeTableStore.WriteAsync(lake, path, table, LakeWriteMode.CreateOnly);
        using var dir = new TempDirectory();
        string file = dir.Combine("bars.parquet");
        await File.WriteAllBytesAsync(file, (await lake.TryReadAsync(path))!.Content.ToArray());

        OhlcvFileSet set = await OhlcvFileReader.ReadAsync(file, new OhlcvImportOptions { Market = "BINANCE", Layout = OhlcvLayout.Long }, CancellationToken.None);

        Assert.Equal(series.Select(s => s.Symbol.Value).Order(StringComparer.Ordinal), set.Fetches.Select(f => f.Bars.Symbol.Value));
        BarSeries first = set.Fetches.Single(f => f.Bars.Symbol == series[0].Symbol).Bars;
        Assert.Equal(series[0].Dates, first.Dates);
        Assert.Equal(series[0].High, first.High);
        Assert.Empty(set.Issues);
    }
}
