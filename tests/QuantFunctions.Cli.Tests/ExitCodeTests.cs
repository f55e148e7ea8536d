using System.Text.Json.Nodes;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests;

/// <summary>
/// Exit codes (0 ok, 1 run failed, 2 usage or validation) and the messages of <c>quant</c> commands; commands
/// that change the lake run on a copy of the shared demo lake.
/// </summary>
[Collection(DemoLakeCollection.Name)]
public sealed class ExitCodeTests(DemoLake demo)
{
    private const string MetaManifest = "manifests/demo/meta/version=1.0.0/manifest.json";
    private const string MetaBacktest = "gold/meta/meta/version=1.0.0/backtest/run=demo-meta/part-00000.parquet";

    [Fact]
    public async Task Run_UnknownCommand_ExitsTwo()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "frobnicate");

        outcome.AssertExit(2);
        Assert.StartsWith("quant: cli.usage: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("frobnicate", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_OutsideTheRepository_ExitsTwoNamingQfRepoRootAndWritesNothing()
    {
        using var elsewhere = new TempDirectory("qf-cli-elsewhere");
        string lake = elsewhere.Combine("lake");
        CliOutcome outcome = await CliHarness.RunWithEnvironmentAsync(
            new Dictionary<string, string>(StringComparer.Ordinal) { ["QF_LAKE_ROOT"] = lake, ["QF_REPO_ROOT"] = elsewhere.Path },
            "demo");

        outcome.AssertExit(2);
        Assert.StartsWith("quant demo: cli.usage: the demo's manifest 'manifests/demo/dataops/", outcome.Error.Trim(), StringComparison.Ordinal);
        Assert.Contains("QF_REPO_ROOT", outcome.Error, StringComparison.Ordinal);
        Assert.Single(outcome.Error.Trim().Split('\n'));
        Assert.False(Directory.Exists(lake), "nothing may be written: " + outcome);
    }

    [Fact]
    public async Task PipelineRun_MissingManifestFile_ExitsTwo()
    {
        using var temp = new TempDirectory("qf-cli");
        string missing = temp.Combine("nope", "manifest.json");

        CliOutcome outcome = await CliHarness.RunAsync(temp.Path, "pipeline", "run", missing);

        outcome.AssertExit(2);
        Assert.StartsWith("quant run: input.file_not_found: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("manifest.json", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "id": "bad", "stage": "no.such_stage" }""", "bad", "no.such_stage")]
    [InlineData("""{ "id": "loop_a", "stage": "alpha.synthesize", "depends_on": ["loop_b"] }, { "id": "loop_b", "stage": "alpha.synthesize", "depends_on": ["loop_a"] }""", "loop_a", "cycle")]
    public async Task PipelineRun_InvalidManifest_ExitsTwoNamingFileAndNode(string nodes, string node, string problem)
    {
        using var temp = new TempDirectory("qf-cli");
        string manifest = temp.Combine("invalid.json");
        File.WriteAllText(manifest, $$"""{ "id": "broken", "version": "1.0.0", "scope": "demo", "kind": "model", "nodes": [ {{nodes}} ] }""");

        CliOutcome outcome = await CliHarness.RunAsync(temp.Path, "pipeline", "run", manifest);

        outcome.AssertExit(2);
        Assert.StartsWith("quant run: manifest.invalid: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains(manifest, outcome.Error, StringComparison.Ordinal);
        Assert.Contains($"node '{node}'", outcome.Error, StringComparison.Ordinal);
        Assert.Contains(problem, outcome.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("pipeline", "status", "nope")]
    [InlineData("pipeline", "resume", "nope")]
    [InlineData("ledger", "verify", "nope")]
    [InlineData("stage", "run", "alpha.allocate[crypto_long]", "--run-id", "nope")]
    public async Task RunCommand_UnknownRun_ExitsTwoNamingIt(params string[] args)
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, args);

        outcome.AssertExit(2);
        Assert.Contains(": run_not_found: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("no run 'nope'", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelineStatus_DemoRunAsJson_ListsEverySucceededNode()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "pipeline", "status", "demo-meta", "--json");

        outcome.AssertExit(0);
        JsonNode run = JsonNode.Parse(outcome.Output)!;
        Assert.Equal("succeeded", run["status"]!.GetValue<string>());
        Assert.Equal(32, run["nodes"]!.AsArray().Count); // 7 nodes × 4 sleeves + aggregate, parity, report, orders
    }

    [Fact]
    public async Task StageSchema_KnownStage_PrintsJsonSchemaWithProperties()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "stage", "schema", "alpha.select");

        outcome.AssertExit(0);
        JsonObject properties = JsonNode.Parse(outcome.Output)!["properties"]!.AsObject();
        Assert.True(properties.ContainsKey("sleeves") || properties.ContainsKey("Sleeves"), outcome.Output);
    }

    [Fact]
    public async Task StageSchema_UnknownStage_ExitsTwoListingKnownStages()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "stage", "schema", "nope");

        outcome.AssertExit(2);
        Assert.StartsWith("quant schema: cli.usage: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("unknown stage 'nope'", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("alpha.select", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StageList_Always_ListsEveryShippedStage()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "stage", "list", "--json");

        outcome.AssertExit(0);
        string[] ids = [.. JsonNode.Parse(outcome.Output)!.AsArray().Select(s => s!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
        Assert.Equal(
            ["alpha.allocate", "alpha.flatten", "alpha.regime", "alpha.select", "alpha.synthesize", "dataops.features", "dataops.health", "dataops.ingest", "dataops.returns", "dataops.synthetic_market",
             "meta.aggregate", "meta.orders", "paper.resume", "paper.step", "report.tearsheet", "tournament.cell", "tournament.scoreboard", "tournament.select", "validate.backtest", "validate.parity"],
            ids);
        CliOutcome table = await CliHarness.RunAsync(demo.Root, "stage", "list");
        Assert.All(ids, id => Assert.Contains(id, table.Output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StageRun_UnknownNode_ExitsTwo()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "stage", "run", "alpha.allocate[nope]", "--run-id", "demo-meta");

        outcome.AssertExit(2);
        Assert.StartsWith("quant run: input.not_found: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("alpha.allocate[nope]", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StageRun_NodeOfFinishedRun_SucceedsWithoutChangingItsOutput()
    {
        using TempDirectory copy = demo.Copy();
        const string Weights = "gold/crypto_long/meta/version=1.0.0/weights";
        SortedDictionary<string, string> before = DemoLake.HashFiles(copy.Path, Weights);

        CliOutcome outcome = await CliHarness.RunAsync(copy.Path, "stage", "run", "alpha.allocate[crypto_long]", "--run-id", "demo-meta");

        outcome.AssertExit(0);
        Assert.Contains("alpha.allocate[crypto_long]: Succeeded", outcome.Output, StringComparison.Ordinal);
        Assert.Equal(before, DemoLake.HashFiles(copy.Path, Weights));
        Assert.Equal(0, (await CliHarness.RunAsync(copy.Path, "ledger", "verify", "demo-meta")).ExitCode);
    }

    [Fact]
    public async Task StageRun_InputDeleted_FailsNamingTheMissingPath()
    {
        using TempDirectory copy = demo.Copy();
        const string Selection = "gold/crypto_long/meta/version=1.0.0/selection/run=demo-meta/part-00000.parquet";
        File.Delete(Path.Combine(copy.Path, Selection));

        CliOutcome outcome = await CliHarness.RunAsync(copy.Path, "stage", "run", "alpha.synthesize[crypto_long]", "--run-id", "demo-meta");

        Assert.True(outcome.ExitCode != 0, outcome.ToString());
        Assert.Contains(Selection, outcome.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelineRun_AggregateListsSleeveNoNodeProduces_ExitsOneGateNamesSleeveDependentsSkipped()
    {
        using TempDirectory copy = demo.Copy();
        string manifest = Path.Combine(copy.Path, "gate.json");
        File.WriteAllText(manifest, """
            {
              "id": "gate", "version": "1.0.0", "scope": "demo", "kind": "model",
              "parameters": { "sleeves": ["crypto_long"] },
              "nodes": [
                { "id": "alpha.select", "stage": "alpha.select", "for_each": "sleeves", "params": { "sleeves": {
                    "crypto_long": { "universe": "crypto_spot", "direction": "long", "selection": { "standard": "v4" }, "allocation_lookback": 60, "engine": "inverse_vol", "periods_per_year": 365 } } } },
                { "id": "validate.backtest", "stage": "validate.backtest", "for_each": "sleeves", "depends_on": ["alpha.select"] },
                { "id": "meta.aggregate", "stage": "meta.aggregate", "depends_on": ["validate.backtest"], "params": { "sleeves": ["crypto_long", "ghost_short"] } },
                { "id": "report.meta", "stage": "report.tearsheet", "depends_on": ["meta.aggregate"], "params": { "sleeve": "meta" } }
              ]
            }
            """);

        CliOutcome outcome = await CliHarness.RunAsync(copy.Path, "pipeline", "run", manifest, "--run-id", "gate-1", "--as-of", "2024-01-02");

        outcome.AssertExit(1);
        JsonNode run = await StatusJsonAsync(copy.Path, "gate-1");
        Assert.Equal("failed", run["status"]!.GetValue<string>());
        JsonNode aggregate = Node(run, "meta.aggregate");
        Assert.Equal("failed", aggregate["status"]!.GetValue<string>());
        Assert.Equal("meta.sleeve_incomplete", aggregate["error"]!["code"]!.GetValue<string>());
        Assert.Contains("ghost_short", aggregate["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("skipped", Node(run, "report.meta")["status"]!.GetValue<string>());
        Assert.Equal("succeeded", Node(run, "validate.backtest[crypto_long]")["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task PipelineRun_ParamOverrideToMissingSource_ExitsOneDependentsSkipped()
    {
        using TempDirectory copy = demo.Copy();

        CliOutcome outcome = await CliHarness.RunAsync(copy.Path,
            "pipeline", "run", CliHarness.ShippedManifest(MetaManifest), "--run-id", "bad-source", "--as-of", "2024-01-02", "--param", "alpha.select:source_version=9.9.9");

        outcome.AssertExit(1);
        // The shipped meta consumes the demo DataOps hand-off, which names the version it published.
        Assert.Contains("_meta/demo/pipelines/dataops/latest.json publishes version 1.0.0 but source_version is 9.9.9", outcome.Output, StringComparison.Ordinal);
        JsonNode run = await StatusJsonAsync(copy.Path, "bad-source");
        Assert.Equal("failed", run["status"]!.GetValue<string>());
        Assert.Contains(run["nodes"]!.AsArray(), n => n!["status"]!.GetValue<string>() == "failed" && n["error"]!["code"]!.GetValue<string>() == "handoff.mismatch");
        foreach (string dependent in (string[])["meta.aggregate", "report.meta", "meta.orders"])
        {
            Assert.Equal("skipped", Node(run, dependent)["status"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task PipelineRun_ParamOverrideWithWrongType_ExitsTwo()
    {
        using var temp = new TempDirectory("qf-cli");

        CliOutcome outcome = await CliHarness.RunAsync(temp.Path,
            "pipeline", "run", CliHarness.ShippedManifest(MetaManifest), "--as-of", "2024-01-02", "--param", "meta.orders:capital=lots");

        outcome.AssertExit(2);
        Assert.StartsWith("quant run: manifest.invalid: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("capital", outcome.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nosuch.stage:x=1", "unknown stage 'nosuch.stage'")]
    [InlineData("dataops.ingest:max_retries=1", "applies to no node of pipeline demo/meta@1.0.0")]
    [InlineData("other/meta/meta.orders:capital=5", "applies to no node")]
    public async Task PipelineRun_OverrideOfAStageNotInThePipeline_ExitsTwoNamingIt(string assignment, string message)
    {
        using var temp = new TempDirectory("qf-cli");

        CliOutcome outcome = await CliHarness.RunAsync(temp.Path,
            "pipeline", "run", CliHarness.ShippedManifest(MetaManifest), "--as-of", "2024-01-02", "--param", assignment);

        outcome.AssertExit(2);
        Assert.StartsWith("quant run: manifest.invalid: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains(message, outcome.Error, StringComparison.Ordinal);
        Assert.Contains(assignment, outcome.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "lake", "_meta", "demo", "runs")), "nothing ran");
    }

    [Fact]
    public async Task StageSchema_Ingest_MarksTheOverridableParametersOnly()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "stage", "schema", "dataops.ingest");

        outcome.AssertExit(0);
        JsonNode schema = JsonNode.Parse(outcome.Output)!;
        Assert.Equal(
            ["coverage_policy", "freshness_days", "max_retries", "max_symbols", "rounds", "strict", "universe"],
            schema["x-overridable"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.True(schema["properties"]!["max_retries"]!["x-overridable"]!.GetValue<bool>());
        Assert.Null(schema["properties"]!["base_url"]!["x-overridable"]);
        Assert.Null(schema["properties"]!["path"]!["x-overridable"]);
    }

    [Fact]
    public async Task ParquetInspect_DemoBacktest_ShowsSchemaAndRowGroups()
    {
        string file = demo.PathOf(MetaBacktest);

        CliOutcome text = await CliHarness.RunAsync(demo.Root, "parquet", "inspect", file);
        CliOutcome json = await CliHarness.RunAsync(demo.Root, "parquet", "inspect", file, "--json");

        text.AssertExit(0);
        Assert.Contains("row group 0", text.Output, StringComparison.Ordinal);
        Assert.All((string[])["date", "gross_ret", "net_ret", "equity", "turnover", "cost"], c => Assert.Contains(c, text.Output, StringComparison.Ordinal));
        json.AssertExit(0);
        Assert.NotNull(JsonNode.Parse(json.Output));
    }

    [Fact]
    public async Task ParquetCat_ColumnsLimitJsonl_PrintsThreeRowsOfTheseColumns()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "parquet", "cat", demo.PathOf(MetaBacktest), "--columns", "date,equity", "--limit", "3", "--format", "jsonl");

        outcome.AssertExit(0);
        string[] lines = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        foreach (string line in lines)
        {
            JsonObject row = JsonNode.Parse(line)!.AsObject();
            Assert.Equal(["date", "equity"], row.Select(p => p.Key));
            Assert.True(row["equity"]!.GetValue<double>() > 0);
        }
    }

    [Fact]
    public async Task ParquetCat_UnknownColumn_ExitsTwoListingColumns()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "parquet", "cat", demo.PathOf(MetaBacktest), "--columns", "nope");

        outcome.AssertExit(2);
        Assert.StartsWith("quant cat: cli.usage: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("no column 'nope'", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("net_ret", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParquetInspect_MissingFile_ExitsTwo()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "parquet", "inspect", demo.PathOf("gold/nope.parquet"));

        outcome.AssertExit(2);
        Assert.StartsWith("quant inspect: input.file_not_found: ", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParquetInspect_NotAParquetFile_ExitsTwoNamingTheFile()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "parquet", "inspect", demo.PathOf("gold/meta/meta/version=1.0.0/orders/run=demo-meta/orders.json"));

        outcome.AssertExit(2);
        Assert.StartsWith("quant inspect: parquet.malformed: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("Invalid Parquet data in 'orders.json'", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelineResume_FinishedDemoRun_ExitsZeroReusingEveryNode()
    {
        using TempDirectory copy = demo.Copy();

        CliOutcome outcome = await CliHarness.RunAsync(copy.Path, "pipeline", "resume", "demo-meta");

        outcome.AssertExit(0);
        JsonNode run = await StatusJsonAsync(copy.Path, "demo-meta");
        Assert.All(run["nodes"]!.AsArray(), n => Assert.Equal(1, n!["attempts"]!.GetValue<int>()));
        Assert.Equal(0, (await CliHarness.RunAsync(copy.Path, "ledger", "verify", "demo-meta")).ExitCode);
    }

    [Fact]
    public async Task LakeList_GoldMeta_ListsTheMetaFiles()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "lake", "ls", "gold/meta");

        outcome.AssertExit(0);
        Assert.Contains(MetaBacktest, outcome.Output, StringComparison.Ordinal);
        Assert.Contains("gold/meta/meta/version=1.0.0/orders/run=demo-meta/orders.json", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("gold/crypto_long", outcome.Output, StringComparison.Ordinal);
    }

    private static async Task<JsonNode> StatusJsonAsync(string lakeRoot, string runId)
    {
        CliOutcome status = await CliHarness.RunAsync(lakeRoot, "pipeline", "status", runId, "--json");
        status.AssertExit(0);
        return JsonNode.Parse(status.Output)!;
    }

    private static JsonNode Node(JsonNode run, string key) =>
        run["nodes"]!.AsArray().Single(n => n!["node"]!.GetValue<string>() == key)!;
}
