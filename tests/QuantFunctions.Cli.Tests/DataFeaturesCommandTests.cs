using System.Text.Json.Nodes;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Cli.Tests;

/// <summary><c>quant data features</c> on the demo lake: the row known at the as-of time, its values, and the close-time boundaries.</summary>
[Collection(DemoLakeCollection.Name)]
public sealed class DataFeaturesCommandTests(DemoLake demo)
{
    /// <summary>
    /// A 24×7 bar dated d is known at d+1 00:00 UTC and a NYSE-like bar at d 21:00 UTC (docs/dataops.md): the printed
    /// row is the last one known at or before the as-of time, never a later one — one second before the close gives
    /// the previous bar. 2023-06-01 is a Thursday, 2023-05-31 a Wednesday (both NYSE sessions).
    /// </summary>
    [Theory]
    [InlineData("crypto_spot", "BINANCE:CRY001USDT", "2023-06-01T00:00:00Z", "2023-05-31", "2023-06-01T00:00:00")]
    [InlineData("crypto_spot", "BINANCE:CRY001USDT", "2023-05-31T23:59:59Z", "2023-05-30", "2023-05-31T00:00:00")]
    [InlineData("us_equity", "XNYS:EQ001", "2023-06-01T21:00:00Z", "2023-06-01", "2023-06-01T21:00:00")]
    [InlineData("us_equity", "XNYS:EQ001", "2023-06-01T20:59:59Z", "2023-05-31", "2023-05-31T21:00:00")]
    public async Task Features_AsOf_PrintsTheLatestRowKnownThen(string universe, string symbol, string asOf, string ts, string knownAt)
    {
        CliOutcome outcome = (await CliHarness.RunAsync(demo.Root, "data", "features", universe, "--symbol", symbol, "--as-of", asOf, "--json")).AssertExit(0);

        JsonObject row = JsonNode.Parse(outcome.Output)!.AsObject();
        Assert.Equal(symbol, (string?)row["symbol"]);
        Assert.StartsWith(ts + "T00:00:00", (string?)row["ts"], StringComparison.Ordinal);
        Assert.StartsWith(knownAt, (string?)row["known_at"], StringComparison.Ordinal);
        Assert.Equal(FeatureColumns.All.Count, row["features"]!.AsObject().Count);
    }

    /// <summary>
    /// The printed values equal <see cref="FeatureSet"/> recomputed here on the symbol's bronze bars up to that date
    /// (causal kernels: truncating later bars changes nothing), with the demo's crypto settings (365 periods a year,
    /// close 24 h after the bar date); JSON carries doubles round-trip, so equality is exact (warm-up NaN prints null).
    /// </summary>
    [Fact]
    public async Task Features_Json_EqualsFeatureSetOnBronzeBars()
    {
        const string symbol = "BINANCE:CRY002USDT";
        CliOutcome outcome = (await CliHarness.RunAsync(demo.Root, "data", "features", "crypto_spot", "--symbol", symbol, "--as-of", "2023-03-15T06:00:00Z", "--json")).AssertExit(0);

        var lake = new FileSystemLakeStore(demo.Root);
        (LakeTable bronze, _) = await LakeTableStore.ReadDatasetAsync(lake, LakePath.Parse("bronze/binance/spot/ohlcv/schema=v1/interval=1d"));
        int[] dates = bronze.DateDays("date");
        string[] symbols = bronze.Strings("symbol");
        int last = new DateOnly(2023, 3, 14).DayNumber - new DateOnly(1970, 1, 1).DayNumber;
        var rows = Enumerable.Range(0, bronze.RowCount).Where(i => symbols[i] == symbol && dates[i] <= last).OrderBy(i => dates[i]).ToArray();
        double[] Pick(string column) => rows.Select(i => bronze.Doubles(column)[i]).ToArray();
        var bars = new BarSeries(
            Symbol.Parse(symbol), rows.Select(i => new DateOnly(1970, 1, 1).AddDays(dates[i])).ToArray(), Pick("open"), Pick("high"), Pick("low"), Pick("close"), Pick("volume"));
        FeatureBlock expected = new FeatureSet(new FeatureOptions { PeriodsPerYear = 365 }).Compute(bars);

        JsonObject features = JsonNode.Parse(outcome.Output)!["features"]!.AsObject();
        for (int j = 0; j < FeatureColumns.All.Count; j++)
        {
            double value = expected.Column(j)[^1];
            JsonNode? printed = features[FeatureColumns.All[j]];
            Assert.True(double.IsFinite(value) ? (double)printed! == value : printed is null, $"{FeatureColumns.All[j]}: expected {value}, printed {printed}");
        }
    }

    [Fact]
    public async Task Features_Table_PrintsEveryFeatureByName()
    {
        CliOutcome outcome = (await CliHarness.RunAsync(demo.Root, "data", "features", "crypto_spot", "--symbol", "BINANCE:CRY001USDT", "--as-of", "2023-06-01")).AssertExit(0);

        Assert.StartsWith("BINANCE:CRY001USDT · ts 2023-05-31 · known_at 2023-06-01T00:00Z", outcome.Output, StringComparison.Ordinal);
        Assert.All(FeatureColumns.All, name => Assert.Contains("  " + name + " ", outcome.Output, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("BINANCE:CRY001USDT", "2021-01-01", "nothing known yet")]
    [InlineData("BINANCE:NOPEUSDT", "2023-06-01", "BINANCE:NOPEUSDT")]
    [InlineData("BINANCE:CRY001USDT", "not-a-date", "--as-of")]
    public async Task Features_NothingKnownOrBadInput_ExitsTwo(string symbol, string asOf, string named)
    {
        CliOutcome outcome = (await CliHarness.RunAsync(demo.Root, "data", "features", "crypto_spot", "--symbol", symbol, "--as-of", asOf)).AssertExit(2);

        Assert.Contains(named, outcome.Error, StringComparison.Ordinal);
    }
}
