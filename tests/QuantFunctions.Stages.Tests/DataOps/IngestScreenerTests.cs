using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuantFunctions.Testing;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Testing.Orchestration;
using QuantFunctions.Stages.DataOps;

namespace QuantFunctions.Stages.Tests.DataOps;

/// <summary>
/// <c>dataops.ingest</c> with <c>discovery = screener</c>: a recorded scan and Binance klines served on 127.0.0.1
/// by <see cref="FixtureServer"/> (fixtures under DataOps/Providers/Fixtures; no internet).
/// </summary>
/// <remarks>
/// Fixture <c>scan_ingest.json</c>: BTC ($2.1B turnover, 3.21 % vol) and ETH ($988M, 4.02 %) pass the spot
/// floors (≥ $10M, &gt; 1 %); DOGE ($8.5M, 0.8 %) fails both; BYBIT:SOLUSDT is another exchange; a second,
/// lower-case ETH record is merged into the first (adds rank 2 and sector). Klines: BTC 2024-01-01..04 (the
/// two recorded pages of <c>klines_btcusdt_page*.json</c> served as one response), ETH 2024-01-01..04
/// (<c>klines_ethusdt.json</c>, Binance's kline shape with hand-written prices).
/// </remarks>
public sealed class IngestScreenerTests : IDisposable
{
    private static readonly LakePath Bronze = BronzeIngestor.DatasetOf(LakeIdentifier.Parse("binance"));

    private readonly FixtureServer _server;
    private readonly DagTestHost _host = new(new StageRegistryBuilder().AddQuantStages().Build());
    private Func<FixtureReply> _scan = () => FixtureReply.File("scan_ingest.json");

    public IngestScreenerTests() => _server = new FixtureServer(Reply);

    public void Dispose()
    {
        _server.Dispose();
        _host.Dispose();
    }

    [Fact]
    public async Task IngestStage_ScreenerDiscovery_BronzeHoldsExactlyTheScreenedSymbolsPassingTheFloors()
    {
        RunRecord run = await _host.RunAsync(Manifest(strict: true), runId: "scr-1");

        Assert.True(run.Status == RunStatus.Succeeded, string.Join(" | ", run.Nodes.Select(n => n.Error?.Message)));
        (LakeTable bronze, _) = await LakeTableStore.ReadDatasetAsync(_host.Lake, Bronze);
        string[] symbols = bronze.Strings("symbol");
        Assert.Equal(["BINANCE:BTCUSDT", "BINANCE:ETHUSDT"], symbols.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(8, bronze.RowCount); // 4 daily klines each
        Assert.DoesNotContain(_server.Requests, r => r.Contains("DOGE", StringComparison.Ordinal) || r.Contains("SOL", StringComparison.Ordinal));

        // Candidates file: members ranked by turnover (BTC, ETH), DOGE excluded by the floors, the ETH duplicate merged.
        JsonObject candidates = await ReadJsonAsync(await SingleUnderAsync("raw/binance/discovery"));
        Assert.Equal("screener", candidates["discovery"]!.GetValue<string>());
        Assert.Equal(["BINANCE:BTCUSDT", "BINANCE:ETHUSDT"], candidates["candidates"]!.AsArray().Select(c => c!["symbol"]!.GetValue<string>()));
        JsonNode eth = candidates["candidates"]![1]!;
        Assert.Equal((988000000.5, 2, "Currency"), (eth["volume24h"]!.GetValue<double>(), eth["market_cap_rank"]!.GetValue<int>(), eth["sector"]!.GetValue<string>()));
        Assert.Equal("BINANCE:DOGEUSDT", Assert.Single(candidates["excluded"]!.AsArray())!["symbol"]!.GetValue<string>());

        // The raw scan is kept for replay: the recorded page as served, wrapped in a JSON array of pages.
        LakePath scanFile = await SingleUnderAsync("raw/binance/screener");
        Assert.StartsWith("scan_crypto_", scanFile.Name, StringComparison.Ordinal);
        string served = File.ReadAllText(FixtureServer.PathOf("scan_ingest.json"));
        Assert.Equal("[" + served + "]", Encoding.UTF8.GetString((await _host.Lake.TryReadAsync(scanFile))!.Content.Span));

        JsonObject audit = await DiscoveryEntryAsync("scr-1");
        Assert.Equal(("screener", "ok", new Uri(_server.BaseAddress, "/crypto/scan").AbsoluteUri), (Str(audit, "source"), Str(audit, "status"), Str(audit, "url")));
        // 5 records → 4 candidates (1 merged), of which 1 on BYBIT; 2 members, 1 excluded.
        Assert.Equal([5, 4, 0, 1, 1, 2, 1], new[] { "records", "candidates", "dropped", "merged", "other_exchanges", "members", "excluded" }.Select(k => audit[k]!.GetValue<int>()));
        Assert.Equal(scanFile.Value, Str(audit, "raw_file"));
        JsonNode attempt = Assert.Single(audit["attempts"]!.AsArray())!;
        Assert.Equal((200, "POST /crypto/scan"), (attempt["status"]!.GetValue<int>(), attempt["request"]!.GetValue<string>()));
        Assert.True(attempt["duration_ms"]!.GetValue<double>() >= 0);

        // The coverage artifact carries the scan's attempts next to the klines' attempts.
        JsonObject coverage = await ReadJsonAsync(LakePath.Parse(Str(await EntryAsync("scr-1", "dataops.coverage"), "path")));
        Assert.Equal(200, Assert.Single(coverage["discovery_attempts"]!.AsArray())!["status"]!.GetValue<int>());
        Assert.Equal(2, coverage["http_attempts"]!.AsArray().Count);

        // Re-running over the same lake adds no bronze rows and no raw files.
        IReadOnlyList<string> before = await SnapshotAsync();
        Assert.Equal(RunStatus.Succeeded, (await _host.RunAsync(Manifest(strict: true), runId: "scr-2")).Status);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task IngestStage_ScreenerLenient_DropsTheInvalidRecordAndRecordsCountAndReason()
    {
        _scan = () => FixtureReply.File("scan_ingest_invalid.json");

        RunRecord run = await _host.RunAsync(Manifest(strict: false), runId: "len-1");

        Assert.True(run.Status == RunStatus.Succeeded, string.Join(" | ", run.Nodes.Select(n => n.Error?.Message)));
        (LakeTable bronze, _) = await LakeTableStore.ReadDatasetAsync(_host.Lake, Bronze);
        Assert.Equal(["BINANCE:BTCUSDT", "BINANCE:ETHUSDT"], bronze.Strings("symbol").Distinct().Order(StringComparer.Ordinal));
        JsonObject audit = await DiscoveryEntryAsync("len-1");
        Assert.Equal((3, 1), (audit["records"]!.GetValue<int>(), audit["dropped"]!.GetValue<int>()));
        JsonNode drop = Assert.Single(audit["drops"]!.AsArray())!;
        // Record 2 is the bare ticker "XRPUSDT": no EXCHANGE: prefix and no exchange field.
        Assert.Equal((2, "XRPUSDT"), (drop["index"]!.GetValue<int>(), drop["symbol"]!.GetValue<string>()));
        Assert.Contains("not canonical EXCHANGE:SYMBOL", drop["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        JsonObject candidates = await ReadJsonAsync(await SingleUnderAsync("raw/binance/discovery"));
        Assert.Equal("XRPUSDT", Assert.Single(candidates["dropped"]!.AsArray())!["symbol"]!.GetValue<string>());
    }

    [Fact]
    public async Task IngestStage_ScreenerStrict_FailsOnTheInvalidRecordWithNothingWritten()
    {
        _scan = () => FixtureReply.File("scan_ingest_invalid.json");

        RunRecord run = await _host.RunAsync(Manifest(strict: true), runId: "str-1");

        Assert.Equal(RunStatus.Failed, run.Status);
        string error = NodeError(run);
        Assert.Contains("candidate record 2 ('XRPUSDT')", error, StringComparison.Ordinal);
        Assert.Empty(await SnapshotAsync());
        Assert.DoesNotContain(_server.Requests, r => r.StartsWith("/api/v3/klines", StringComparison.Ordinal));
        JsonObject audit = await DiscoveryEntryAsync("str-1");
        Assert.Equal(("failed", 3), (Str(audit, "status"), audit["records"]!.GetValue<int>()));
        Assert.Contains("XRPUSDT", Str(audit, "error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestStage_ScreenerEmptyScan_FailsAndLeavesBronzeUnchanged()
    {
        Assert.Equal(RunStatus.Succeeded, (await _host.RunAsync(Manifest(strict: true), runId: "seed-1")).Status);
        IReadOnlyList<string> before = await SnapshotAsync();
        _scan = () => FixtureReply.File("scan_empty.json");

        RunRecord run = await _host.RunAsync(Manifest(strict: true), runId: "empty-1");

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("zero valid candidates from 0 record(s)", NodeError(run), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
        JsonObject audit = await DiscoveryEntryAsync("empty-1");
        Assert.Equal(("failed", 0), (Str(audit, "status"), audit["records"]!.GetValue<int>()));
    }

    [Fact]
    public async Task IngestStage_Screener429BeyondTheBudget_FailsNamingUrlAndAttemptsWithBronzeUnchanged()
    {
        Assert.Equal(RunStatus.Succeeded, (await _host.RunAsync(Manifest(strict: true), runId: "seed-1")).Status);
        IReadOnlyList<string> before = await SnapshotAsync();
        int klines = _server.Requests.Count(r => r.StartsWith("/api/v3/klines", StringComparison.Ordinal));
        _scan = () => FixtureReply.Error(429, "0");

        RunRecord run = await _host.RunAsync(Manifest(strict: true), runId: "storm-1");

        Assert.Equal(RunStatus.Failed, run.Status);
        // max_retries = 2 → 3 attempts; Retry-After: 0 keeps the test fast.
        string url = new Uri(_server.BaseAddress, "/crypto/scan").AbsoluteUri;
        Assert.Contains($"screener scan POST {url} failed after 3 attempt(s)", NodeError(run), StringComparison.Ordinal);
        Assert.Contains("retry budget exhausted", NodeError(run), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(klines, _server.Requests.Count(r => r.StartsWith("/api/v3/klines", StringComparison.Ordinal)));
        JsonObject audit = await DiscoveryEntryAsync("storm-1");
        Assert.Equal(("failed", url), (Str(audit, "status"), Str(audit, "url")));
        JsonArray attempts = audit["attempts"]!.AsArray();
        Assert.Equal([(1, 429), (2, 429), (3, 429)], attempts.Select(a => (a!["attempt"]!.GetValue<int>(), a["status"]!.GetValue<int>())));
        Assert.All(attempts, a => Assert.True(a!["duration_ms"]!.GetValue<double>() >= 0));
    }

    [Fact]
    public void Manifest_ScreenerWithoutUrl_IsAnErrorNamingNodeAndParameter()
    {
        string manifest = Manifest(strict: true).Replace($"\"screener_url\": \"{_server.BaseAddress}\", ", string.Empty, StringComparison.Ordinal);

        var ex = Assert.Throws<ManifestValidationException>(() => _host.LoadManifest(manifest));

        ManifestError error = Assert.Single(ex.Errors);
        Assert.Equal((ManifestErrorCode.InvalidParameter, "ingest"), (error.Code, error.Node));
        Assert.Contains("'screener_url'", error.Message, StringComparison.Ordinal);
        Assert.Contains("discovery 'screener'", error.Message, StringComparison.Ordinal);
    }

    private FixtureReply Reply(string path, string body)
    {
        if (path == "/crypto/scan")
        {
            return _scan();
        }

        if (path.StartsWith("/api/v3/klines?symbol=BTCUSDT&", StringComparison.Ordinal))
        {
            // The two recorded pages as one response (limit 1000 → one short page).
            string p1 = File.ReadAllText(FixtureServer.PathOf("klines_btcusdt_page1.json")).Trim(), p2 = File.ReadAllText(FixtureServer.PathOf("klines_btcusdt_page2.json")).Trim();
            return new FixtureReply(200, Encoding.UTF8.GetBytes(p1[..^1] + "," + p2[1..]));
        }

        return path.StartsWith("/api/v3/klines?symbol=ETHUSDT&", StringComparison.Ordinal) ? FixtureReply.File("klines_ethusdt.json") : FixtureReply.Error(404);
    }

    private string Manifest(bool strict) => $$"""
        {
          "id": "dataops_screener", "version": "1.0.0", "scope": "demo", "kind": "data",
          "nodes": [
            { "id": "ingest", "stage": "dataops.ingest",
              "params": { "source": "binance", "base_url": "{{_server.BaseAddress}}", "discovery": "screener", "screener_url": "{{_server.BaseAddress}}", "screener_market": "crypto",
                          "market": "BINANCE", "universe": "spot", "start": "2024-01-01", "end": "2024-01-04", "freshness_days": 2,
                          "strict": {{(strict ? "true" : "false")}}, "max_retries": 2, "coverage_policy": "fail" } }
          ]
        }
        """;

    private static string NodeError(RunRecord run) => string.Join(" | ", run.Nodes.Select(n => n.Error?.Message));

    private static string Str(JsonObject o, string key) => o[key]!.GetValue<string>();

    private async Task<JsonObject> DiscoveryEntryAsync(string runId) => await EntryAsync(runId, "dataops.discovery");

    private async Task<JsonObject> EntryAsync(string runId, string kind) =>
        Assert.Single(await _host.ReadLedgerAsync("demo", runId), e => e.Kind == kind).Data;

    private async Task<JsonObject> ReadJsonAsync(LakePath path) =>
        JsonNode.Parse((await _host.Lake.TryReadAsync(path))!.Content.Span)!.AsObject();

    private async Task<LakePath> SingleUnderAsync(string prefix)
    {
        var found = new List<LakePath>();
        await foreach (LakeObjectInfo info in _host.Lake.ListAsync(LakePath.Parse(prefix)))
        {
            found.Add(info.Path);
        }

        return Assert.Single(found);
    }

    /// <summary>Every raw and bronze object with its size and ETag, ordinal.</summary>
    private async Task<IReadOnlyList<string>> SnapshotAsync()
    {
        var all = new List<string>();
        foreach (string layer in (string[])["raw", "bronze"])
        {
            await foreach (LakeObjectInfo info in _host.Lake.ListAsync(LakePath.Parse(layer)))
            {
                all.Add(info.Path.Value + " " + info.Size + " " + info.ETag);
            }
        }

        all.Sort(StringComparer.Ordinal);
        return all;
    }
}
