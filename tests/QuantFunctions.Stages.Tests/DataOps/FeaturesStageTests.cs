using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Testing.Orchestration;
using QuantFunctions.Stages.DataOps;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Tests.DataOps;

/// <summary>
/// <c>dataops.features</c> and <see cref="FeaturesTable"/>: the stored rows are exactly <see cref="FeatureSet"/> on the
/// bronze bars, a reader never sees rows known after its as-of time, a store built at t reads the same at t as one
/// built later, and a candidates backfill writes only the candidates' files.
/// </summary>
public sealed class FeaturesStageTests(HealthFeaturesLake market) : IClassFixture<HealthFeaturesLake>
{
    private const string Crypto = "crypto_spot";

    public static TheoryData<string, string> Universes => new() { { "crypto_spot", "binance" }, { "us_equity", "xnys" } };

    /// <summary>
    /// Every non-DROPPED bronze symbol is stored with all its bars, and each stored value is bit-for-bit the value
    /// <see cref="FeatureSet.Compute"/> gives on the same bars (NaN warm-up rows included); ts is the bar date at 00:00
    /// UTC and known_at = ts + 24 h (24×7) or + 21 h (NYSE-like close). DROPPED symbols have no row.
    /// </summary>
    [Theory]
    [MemberData(nameof(Universes))]
    public async Task Store_EveryRow_EqualsFeatureSetOnBronzeBars(string universe, string marketId)
    {
        bool crypto = marketId == "binance";
        (LakeTable bronze, _) = await LakeTableStore.ReadDatasetAsync(market.Host.Lake, LakePath.Parse($"bronze/{marketId}/spot/ohlcv/schema=v1/interval=1d"));
        HealthRegistry registry = (await HealthRegistryTable.ReadAsync(market.Host.Lake, universe, "dataops", "1.0.0", null, CancellationToken.None))!;
        var dropped = registry.Results.Where(h => h.Status == Core.DataQuality.HealthStatus.Dropped).Select(h => h.Symbol).ToHashSet(StringComparer.Ordinal);
        var knownAt = new KnownAtPolicy { CloseOffset = TimeSpan.FromHours(crypto ? 24 : 21) };
        var featureSet = new FeatureSet(new FeatureOptions { PeriodsPerYear = crypto ? 365 : 252 }, knownAt);

        LakeTable stored = await FeaturesTable.ReadAsOfAsync(market.Host.Lake, FeaturesTable.DatasetPath(universe, "dataops", "1.0.0"), HealthFeaturesLake.AsOf);

        string[] symbols = stored.Strings("symbol");
        long[] ts = stored.Timestamps("ts"), known = stored.Timestamps("known_at");
        int row = 0, checkedSymbols = 0;
        foreach (BarSeries s in BarsTable.ToSeries(bronze))
        {
            if (dropped.Contains(s.Symbol.Value))
            {
                Assert.DoesNotContain(s.Symbol.Value, symbols);
                continue;
            }

            FeatureBlock expected = featureSet.Compute(s.Take(s.Count));
            for (int i = 0; i < expected.RowCount; i++, row++)
            {
                Assert.Equal(s.Symbol.Value, symbols[row]);
                Assert.Equal(FeaturesTable.ToMicros(expected.Timestamps[i]), ts[row]);
                Assert.Equal(FeaturesTable.ToMicros(expected.Timestamps[i] + knownAt.CloseOffset), known[row]);
                for (int j = 0; j < FeatureColumns.All.Count; j++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Column(j)[i]), BitConverter.DoubleToInt64Bits(stored.Doubles(FeatureColumns.All[j])[row]));
                }
            }

            checkedSymbols++;
        }

        Assert.Equal(stored.RowCount, row);
        Assert.True(checkedSymbols >= 8, $"expected most of the 10 symbols stored, got {checkedSymbols}");
    }

    /// <summary>For 25 seeded-random as-of times over the market's span, every returned row has known_at ≤ as-of and each symbol has exactly its bars with date + close ≤ as-of.</summary>
    [Fact]
    public async Task ReadAsOf_RandomTimes_NeverReturnsLaterRowsAndReturnsEveryKnownOne()
    {
        LakePath dataset = FeaturesTable.DatasetPath(Crypto, "dataops", "1.0.0");
        LakeTable full = await FeaturesTable.ReadAsOfAsync(market.Host.Lake, dataset, HealthFeaturesLake.AsOf);
        long[] fullKnown = full.Timestamps("known_at");
        var random = new Random(20231);
        for (int k = 0; k < 25; k++)
        {
            DateTimeOffset asOf = new DateTimeOffset(2023, 1, 2, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 200 * 24 * 60));
            long asOfMicros = FeaturesTable.ToMicros(asOf);

            LakeTable table = await FeaturesTable.ReadAsOfAsync(market.Host.Lake, dataset, asOf);

            Assert.All(table.Timestamps("known_at"), t => Assert.True(t <= asOfMicros, $"row known at {FeaturesTable.FromMicros(t):O} returned as of {asOf:O}"));
            Assert.Equal(fullKnown.Count(t => t <= asOfMicros), table.RowCount);
        }
    }

    /// <summary>
    /// Point-in-time property over 5 seeded-random build times t (days 60–190 of the market, random minute): a store
    /// built by a run as of t and the fixture's store built as of the end (2023-07-21) give bit-identical rows when both
    /// are read as of t, for every symbol stored by both.
    /// </summary>
    [Fact]
    public async Task ReadAsOf_StoreBuiltAtTOrLater_IdenticalRows()
    {
        var random = new Random(4242);
        for (int k = 0; k < 5; k++)
        {
            DateTimeOffset t = new DateTimeOffset(2023, 1, 2, 0, 0, 0, TimeSpan.Zero).AddDays(random.Next(60, 190)).AddMinutes(random.Next(0, 24 * 60));
            using DagTestHost early = HealthFeaturesLake.NewHost();
            RunRecord run = await early.RunAsync(HealthFeaturesLake.Manifest(), runId: $"pit-{k}", asOf: t);
            HealthFeaturesLake.AssertSucceeded(run);

            foreach (string universe in (string[])["crypto_spot", "us_equity"])
            {
                LakePath dataset = FeaturesTable.DatasetPath(universe, "dataops", "1.0.0");
                LakeTable builtAtT = await FeaturesTable.ReadAsOfAsync(early.Lake, dataset, t);
                LakeTable builtLater = await FeaturesTable.ReadAsOfAsync(market.Host.Lake, dataset, t);
                var common = builtAtT.Strings("symbol").Intersect(builtLater.Strings("symbol"), StringComparer.Ordinal).ToArray();
                Assert.True(common.Length >= 5, $"{universe} as of {t:O}: only {common.Length} symbols in both stores");
                Assert.Equal(
                    LakeTableStore.ContentFingerprint(await FeaturesTable.ReadAsOfAsync(early.Lake, dataset, t, common)),
                    LakeTableStore.ContentFingerprint(await FeaturesTable.ReadAsOfAsync(market.Host.Lake, dataset, t, common)));
            }
        }
    }

    /// <summary>
    /// A store built as of 2023-06-01, then a backfill of two crypto candidates as of the end: every earlier file is
    /// still there byte for byte, the new files hold only the candidates, the candidates now read up to the last bar
    /// (2023-07-20) while the other symbols still end at 2023-05-31 (known 2023-06-01 00:00), and nothing changes as of 2023-06-01.
    /// </summary>
    [Fact]
    public async Task Backfill_Candidates_WritesOnlyTheirFilesAndLeavesOtherSymbolsUntouched()
    {
        string[] candidates = ["BINANCE:CRY003USDT", "BINANCE:CRY001USDT"];
        var first = new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.Zero);
        using DagTestHost host = HealthFeaturesLake.NewHost();
        HealthFeaturesLake.AssertSucceeded(await host.RunAsync(HealthFeaturesLake.Manifest(), runId: "store-1", asOf: first));
        LakePath dataset = FeaturesTable.DatasetPath(Crypto, "dataops", "1.0.0");
        Dictionary<LakePath, byte[]> before = await SnapshotAsync(host.Lake, dataset);
        string atFirst = LakeTableStore.ContentFingerprint(await FeaturesTable.ReadAsOfAsync(host.Lake, dataset, first));

        RunRecord backfill = await host.RunAsync(
            HealthFeaturesLake.Manifest(), runId: "backfill-1", asOf: HealthFeaturesLake.AsOf,
            overrides: [$"dataops.features:symbols=[\"{candidates[0]}\",\"{candidates[1]}\"]"]);

        HealthFeaturesLake.AssertSucceeded(backfill);
        Dictionary<LakePath, byte[]> after = await SnapshotAsync(host.Lake, dataset);
        foreach ((LakePath path, byte[] bytes) in before)
        {
            Assert.Equal(bytes, after[path]);
        }

        var written = after.Keys.Except(before.Keys).ToList();
        Assert.NotEmpty(written);
        foreach (LakePath path in written)
        {
            LakeTable part = await LakeTableStore.ReadAsync(host.Lake, path);
            Assert.All(part.Strings("symbol"), s => Assert.Contains(s, candidates));
        }

        LakeTable now = await FeaturesTable.ReadAsOfAsync(host.Lake, dataset, HealthFeaturesLake.AsOf);
        string[] symbols = now.Strings("symbol");
        long[] ts = now.Timestamps("ts");
        var lastTs = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int i = 0; i < now.RowCount; i++)
        {
            lastTs[symbols[i]] = ts[i];
        }

        long lastBar = FeaturesTable.ToMicros(new DateTimeOffset(HealthFeaturesLake.LastDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        long firstBuildLastBar = FeaturesTable.ToMicros(new DateTimeOffset(2023, 5, 31, 0, 0, 0, TimeSpan.Zero));
        Assert.All(candidates, c => Assert.Equal(lastBar, lastTs[c]));
        Assert.Contains(lastTs, p => !candidates.Contains(p.Key) && p.Value == firstBuildLastBar);
        Assert.All(lastTs.Where(p => !candidates.Contains(p.Key)), p => Assert.True(p.Value <= firstBuildLastBar));
        Assert.Equal(atFirst, LakeTableStore.ContentFingerprint(await FeaturesTable.ReadAsOfAsync(host.Lake, dataset, first)));
    }

    [Fact]
    public async Task Backfill_CandidateMissingFromBronze_FailsNamingIt()
    {
        using DagTestHost host = HealthFeaturesLake.NewHost();

        RunRecord run = await host.RunAsync(
            HealthFeaturesLake.Manifest(), runId: "bad-candidates", asOf: HealthFeaturesLake.AsOf, overrides: ["dataops.features:symbols=[\"BINANCE:NOPEUSDT\"]"]);

        Assert.Equal(RunStatus.Failed, run.Status);
        NodeState failed = Assert.Single(run.Nodes, n => n.Status == NodeStatus.Failed);
        Assert.Contains("BINANCE:NOPEUSDT", failed.Error!.Message, StringComparison.Ordinal);
    }

    private static async Task<Dictionary<LakePath, byte[]>> SnapshotAsync(ILakeStore lake, LakePath prefix)
    {
        var files = new Dictionary<LakePath, byte[]>();
        await foreach (LakeObjectInfo info in lake.ListAsync(prefix))
        {
            files[info.Path] = (await lake.TryReadAsync(info.Path))!.Content.ToArray();
        }

        return files;
    }
}
