using QuantFunctions.Testing.Lake;
using QuantFunctions.Testing;
using QuantFunctions.Core.Discovery;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;
using QuantFunctions.DataOps.Providers;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Stages.Datasets;
using QuantFunctions.Stages.DataOps;

namespace QuantFunctions.Stages.Tests.DataOps;

public sealed class IngestTests
{
    private static readonly Symbol Aaa = Symbol.Parse("BINANCE:AAA");
    private static readonly Symbol Bbb = Symbol.Parse("BINANCE:BBB");
    private static readonly DateOnly Day0 = new(2024, 1, 1);

    /// <summary>A scripted provider: per symbol a bar list; records every fetch range; optional failures.</summary>
    private sealed class ScriptedProvider : IMarketDataProvider
    {
        public Dictionary<string, List<(DateOnly Date, double Close)>> Bars { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Failing { get; } = new(StringComparer.Ordinal);

        public List<(string Symbol, DateOnly First, DateOnly Last)> Fetches { get; } = [];

        public string Name => "scripted";

        public Task<IReadOnlyList<CandidateRecord>> DiscoverAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CandidateRecord>>([.. Bars.Keys.Select(s => new CandidateRecord { Symbol = s, AssetType = "spot" })]);

        public Task<ProviderFetch> FetchBarsAsync(Symbol symbol, DateOnly first, DateOnly last, CancellationToken cancellationToken)
        {
            Fetches.Add((symbol.Value, first, last));
            if (Failing.Contains(symbol.Value))
            {
                throw new ProviderException($"scripted failure for {symbol}");
            }

            var rows = Bars[symbol.Value].Where(b => b.Date >= first && b.Date <= last).ToList();
            var bars = BarSeries.AsDelivered(symbol, [.. rows.Select(r => r.Date)], [.. rows.Select(r => r.Close)], [.. rows.Select(r => r.Close * 1.01)],
                [.. rows.Select(r => r.Close * 0.99)], [.. rows.Select(r => r.Close)], [.. rows.Select(_ => 1000d)]);
            return Task.FromResult(new ProviderFetch(bars, RowOrigins.Of([.. rows.Select((_, i) => $"scripted#{i}")]), System.Text.Encoding.UTF8.GetBytes($"{symbol}:{first}:{last}:{rows.Count}"), RawFormat.Csv, []));
        }

        public void Add(Symbol symbol, int days, int from = 0)
        {
            if (!Bars.TryGetValue(symbol.Value, out var list))
            {
                Bars[symbol.Value] = list = [];
            }

            for (int i = from; i < from + days; i++)
            {
                list.Add((Day0.AddDays(i), 100 + i));
            }
        }
    }

    private static IngestRequest Request(DateOnly last, params Symbol[] symbols) => new()
    {
        Market = "BINANCE",
        Symbols = symbols,
        First = Day0,
        Last = last,
        IngestDate = last,
        RunId = "run-1",
        Profile = "scripted/test",
    };

    private static async Task<LakeTable> BronzeAsync(InMemoryLakeStore lake) =>
        (await LakeTableStore.ReadDatasetAsync(lake, BronzeIngestor.DatasetOf(LakeIdentifier.Parse("binance")))).Table;

    private static async Task<int> CountAsync(InMemoryLakeStore lake, LakePath prefix)
    {
        int n = 0;
        await foreach (LakeObjectInfo _ in lake.ListAsync(prefix))
        {
            n++;
        }

        return n;
    }

    [Fact]
    public async Task Ingest_SameBatchTwice_SecondAddsNoRowsAndNoFiles()
    {
        var lake = new InMemoryLakeStore();
        var provider = new ScriptedProvider();
        provider.Add(Aaa, 10);
        provider.Add(Bbb, 10);

        IngestResult first = await new BronzeIngestor(lake).IngestAsync(Request(Day0.AddDays(9), Aaa, Bbb), provider, CancellationToken.None);
        int files = await CountAsync(lake, LakePath.Root);
        IngestResult second = await new BronzeIngestor(lake).IngestAsync(Request(Day0.AddDays(9), Aaa, Bbb), provider, CancellationToken.None);

        Assert.Equal(20, first.RowsWritten);
        Assert.Equal(0, second.RowsWritten);
        Assert.Equal(20, (await BronzeAsync(lake)).RowCount);
        Assert.Equal(files, await CountAsync(lake, LakePath.Root));
        Assert.All(second.Symbols, s => Assert.Equal(SymbolSyncStatus.UpToDate, s.Status));
        Assert.Equal(2, provider.Fetches.Count);  // the second run fetched nothing: bronze covers the range
        Assert.Equal(2, await CountAsync(lake, LakePath.Parse("raw/binance/scripted")));
    }

    [Fact]
    public async Task Ingest_Incremental_FetchesOnlyTheMissingRangePerSymbol()
    {
        var lake = new InMemoryLakeStore();
        var provider = new ScriptedProvider();
        provider.Add(Aaa, 15);
        provider.Add(Bbb, 15);
        await new BronzeIngestor(lake).IngestAsync(Request(Day0.AddDays(9), Aaa), provider, CancellationToken.None);
        provider.Fetches.Clear();

        IngestResult result = await new BronzeIngestor(lake).IngestAsync(Request(Day0.AddDays(14), Aaa, Bbb), provider, CancellationToken.None);

        // AAA held days 0..9 → fetch from day 10; BBB held nothing → fetch from the first date.
        Assert.Equal([("BINANCE:AAA", Day0.AddDays(10), Day0.AddDays(14)), ("BINANCE:BBB", Day0, Day0.AddDays(14))], provider.Fetches);
        Assert.Equal(5 + 15, result.RowsWritten);
        Assert.Equal(30, (await BronzeAsync(lake)).RowCount);
        Assert.Equal(new SymbolSync("BINANCE:AAA", SymbolSyncStatus.Updated, Day0.AddDays(9), Day0.AddDays(14), 5, null), result.Symbols[0]);
    }

    [Fact]
    public async Task Ingest_StaleSymbolWhoseSyncReturnsNothing_StaysStaleAndIsReported()
    {
        var lake = new InMemoryLakeStore();
        var provider = new ScriptedProvider();
        provider.Add(Aaa, 20);
        provider.Add(Bbb, 10);  // BBB's bars stop at day 9 (a stale symbol)
        await new BronzeIngestor(lake).IngestAsync(Request(Day0.AddDays(9), Aaa, Bbb), provider, CancellationToken.None);

        IngestResult result = await new BronzeIngestor(lake).IngestAsync(Request(Day0.AddDays(19), Aaa, Bbb), provider, CancellationToken.None);

        SymbolSync bbb = result.Symbols.Single(s => s.Symbol == "BINANCE:BBB");
        Assert.Equal(SymbolSyncStatus.Stale, bbb.Status);
        Assert.Equal(0, bbb.NewRows);
        Assert.StartsWith("sync returned no new bars; last bar 2024-01-10", bbb.Detail, StringComparison.Ordinal);
        Assert.Equal(["BINANCE:BBB"], result.Coverage.StaleSymbols);
        Assert.Equal(SymbolSyncStatus.Updated, result.Symbols.Single(s => s.Symbol == "BINANCE:AAA").Status);
        Assert.Equal("OK", result.Coverage.Status);  // the fetch succeeded: stale is reported, not a coverage failure
    }

    [Fact]
    public async Task Ingest_InvalidRowStrict_FailsAndLeavesBronzeUnchanged()
    {
        var lake = new InMemoryLakeStore();
        var provider = new ScriptedProvider();
        provider.Add(Aaa, 5);
        provider.Add(Bbb, 5);
        provider.Bars["BINANCE:BBB"][2] = (Day0.AddDays(2), double.NaN);

        IngestException ex = await Assert.ThrowsAsync<IngestException>(() => new BronzeIngestor(lake).IngestAsync(Request(Day0.AddDays(4), Aaa, Bbb), provider, CancellationToken.None));

        Assert.Equal(ErrorCodes.IngestInvalidBars, ex.Code);
        Assert.Contains("scripted#2: BINANCE:BBB: NaN or infinite value", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(lake, LakePath.Parse("bronze")));
        Assert.Equal(0, await CountAsync(lake, LakePath.Parse("raw")));
    }

    [Fact]
    public async Task Ingest_InvalidRowsLenient_DroppedCountedAndRecorded()
    {
        var lake = new InMemoryLakeStore();
        var provider = new ScriptedProvider();
        provider.Add(Aaa, 5);
        provider.Bars["BINANCE:AAA"][1] = (Day0.AddDays(1), -3);            // negative price
        provider.Bars["BINANCE:AAA"][3] = (Day0.AddDays(2), 102);           // duplicate of day 2

        IngestResult result = await new BronzeIngestor(lake).IngestAsync(Request(Day0.AddDays(4), Aaa) with { Strict = false }, provider, CancellationToken.None);

        Assert.Equal(3, result.RowsWritten);
        Assert.Equal(2, result.Issues.Count);
        Assert.StartsWith("non-positive price", result.Issues[0].Reason, StringComparison.Ordinal);
        Assert.Equal("duplicate timestamp 2024-01-03", result.Issues[1].Reason);
        Assert.Equal(2, result.Coverage.RejectedRows.Count);
    }

    [Theory]
    [InlineData(CoveragePolicy.Warn, "WARN")]
    [InlineData(CoveragePolicy.Fail, "FAIL")]
    public async Task Ingest_SymbolFailingEveryRound_CoverageBelowFullMarksPerPolicy(CoveragePolicy policy, string status)
    {
        var lake = new InMemoryLakeStore();
        var provider = new ScriptedProvider();
        provider.Add(Aaa, 5);
        provider.Add(Bbb, 5);
        provider.Failing.Add("BINANCE:BBB");
        LakePath coveragePath = LakePath.Parse("meta/test/coverage.json");
        IngestRequest request = Request(Day0.AddDays(4), Aaa, Bbb, Bbb) with { Policy = policy, Rounds = 3, CoveragePath = coveragePath };

        if (policy == CoveragePolicy.Fail)
        {
            IngestException ex = await Assert.ThrowsAsync<IngestException>(() => new BronzeIngestor(lake).IngestAsync(request, provider, CancellationToken.None));
            Assert.Equal(ErrorCodes.IngestCoverageBelowPolicy, ex.Code);
            Assert.Contains("coverage 50.0 % after 3 round(s); failed: BINANCE:BBB", ex.Message, StringComparison.Ordinal);
            Assert.Equal(0, await CountAsync(lake, LakePath.Parse("bronze")));
        }
        else
        {
            IngestResult result = await new BronzeIngestor(lake).IngestAsync(request, provider, CancellationToken.None);
            Assert.Equal(5, result.RowsWritten);
            Assert.Equal(SymbolSyncStatus.Failed, result.Symbols[1].Status);
        }

        byte[] json = (await lake.TryReadAsync(coveragePath))!.Content.ToArray();
        Assert.Empty(CoverageArtifact.Check(json));
        string text = System.Text.Encoding.UTF8.GetString(json);
        Assert.Contains($"\"status\": \"{status}\"", text, StringComparison.Ordinal);
        Assert.Contains("\"failed_symbols\": [\n    \"BINANCE:BBB\"\n  ]", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\"coverage\": 0.5", text, StringComparison.Ordinal);
        // Round 1 fetches both (1 ok, 1 failed); rounds 2 and 3 retry only BBB.
        Assert.Equal(4, provider.Fetches.Count);
    }

    [Theory]
    [InlineData("{}", "missing field 'run_id'")]
    [InlineData("""{"run_id":"r","profile":"p","attempts":[],"failed_symbols":[]}""", "'attempts' is empty")]
    [InlineData("""{"run_id":"r","profile":"p","attempts":[{"index":1,"fetched":2,"failed":0}],"failed_symbols":[]}""", "attempts[0] lacks numeric 'duration_ms'")]
    [InlineData("""{"run_id":"r","profile":"p","attempts":[{"index":1,"fetched":2,"failed":0,"duration_ms":1}],"failed_symbols":["A:X","A:X"]}""", "failed_symbols lists 'A:X' twice")]
    public void CoverageArtifact_InvalidJson_FailsStrictAndReportsOtherwise(string json, string problem)
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(json);
        Assert.Contains(problem, CoverageArtifact.Verify(bytes, strict: false));
        IngestException ex = Assert.Throws<IngestException>(() => CoverageArtifact.Verify(bytes, strict: true));
        Assert.Equal(ErrorCodes.IngestFailed, ex.Code);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_BinanceFixtureWithOneSymbolIn429Storm_WarnsAndLogsEveryHttpAttempt()
    {
        using var server = new FixtureServer((path, _) => path.Contains("symbol=ETHUSDT", StringComparison.Ordinal)
            ? FixtureReply.Error(429, "0")
            : FixtureReply.File("klines_btcusdt_page2.json"));
        using var http = new HttpClient();
        var provider = new BinanceSpotProvider(http, new HttpProviderOptions { BaseAddress = server.BaseAddress, MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1) });
        var lake = new InMemoryLakeStore();
        IngestRequest request = Request(new DateOnly(2024, 1, 4), Symbol.Parse("BINANCE:BTCUSDT"), Symbol.Parse("BINANCE:ETHUSDT")) with { First = new DateOnly(2024, 1, 4), Rounds = 2 };

        IngestResult result = await new BronzeIngestor(lake).IngestAsync(request, provider, CancellationToken.None);

        // BTC: the recorded 2024-01-04 kline, one attempt. ETH: 2 rounds × (1 + 2 retries) attempts, all 429.
        Assert.Equal(1, result.RowsWritten);
        Assert.Equal("WARN", result.Coverage.Status);
        Assert.Equal(["BINANCE:ETHUSDT"], result.Coverage.FailedSymbols);
        Assert.Equal(7, result.Coverage.HttpAttempts.Count);
        Assert.Equal(6, result.Coverage.HttpAttempts.Count(a => a.Status == 429));
        Assert.Equal([new CoverageAttempt(1, 1, 1, result.Coverage.Attempts[0].DurationMs), new CoverageAttempt(2, 0, 1, result.Coverage.Attempts[1].DurationMs)], result.Coverage.Attempts);
        Assert.Equal(["BINANCE:BTCUSDT"], (await BronzeAsync(lake)).Strings("symbol"));
    }
}
