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

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains("frobnicate", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelineRun_MissingManifestFile_ExitsTwo()
    {
        using var temp = new TempDirectory("qf-cli");
        string missing = temp.Combine("nope", "manifest.json");

        CliOutcome outcome = await CliHarness.RunAsync(temp.Path, "pipeline", "run", missing);

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
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

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains(manifest, outcome.Error, StringComparison.Ordinal);
        Assert.Contains($"node '{node}'", outcome.Error, StringComparison.Ordinal);
        Assert.Contains(problem, outcome.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PipelineStatus_UnknownRun_ExitsTwo()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "pipeline", "status", "nope");

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains("no run 'nope'", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelineStatus_DemoRunAsJson_ListsEverySucceededNode()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "pipeline", "status", "demo-meta", "--json");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        JsonNode run = JsonNode.Parse(outcome.Output)!;
        Assert.Equal("succeeded", run["status"]!.GetValue<string>());
        Assert.Equal(27, run["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task StageSchema_KnownStage_PrintsJsonSchemaWithProperties()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "stage", "schema", "alpha.select");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        JsonObject properties = JsonNode.Parse(outcome.Output)!["properties"]!.AsObject();
        Assert.True(properties.ContainsKey("sleeves") || properties.ContainsKey("Sleeves"), outcome.Output);
    }

    [Fact]
    public async Task StageSchema_UnknownStage_ExitsTwoListingKnownStages()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "stage", "schema", "nope");

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains("unknown stage 'nope'", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("alpha.select", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StageList_Always_ListsAllTenStages()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "stage", "list", "--json");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        string[] ids = [.. JsonNode.Parse(outcome.Output)!.AsArray().Select(s => s!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
        Assert.Equal(
            ["alpha.allocate", "alpha.flatten", "alpha.select", "alpha.synthesize", "dataops.returns", "dataops.synthetic_market",
             "meta.aggregate", "meta.orders", "report.tearsheet", "validate.backtest"],
            ids);
        CliOutcome table = await CliHarness.RunAsync(demo.Root, "stage", "list");
        Assert.All(ids, id => Assert.Contains(id, table.Output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StageRun_UnknownNode_ExitsTwo()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "stage", "run", "alpha.allocate[nope]", "--run-id", "demo-meta");

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains("alpha.allocate[nope]", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StageRun_UnknownRun_ExitsTwo()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "stage", "run", "alpha.allocate[crypto_long]", "--run-id", "nope");

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains("no run 'nope'", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StageRun_NodeOfFinishedRun_SucceedsWithoutChangingItsOutput()
    {
        using var copy = new TempDirectory("qf-cli-stage");
        demo.CopyTo(copy.Path);
        const string Weights = "gold/crypto_long/meta/version=1.0.0/weights";
        SortedDictionary<string, string> before = DemoLake.HashFiles(copy.Path, Weights);

        CliOutcome outcome = await CliHarness.RunAsync(copy.Path, "stage", "run", "alpha.allocate[crypto_long]", "--run-id", "demo-meta");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("alpha.allocate[crypto_long]: Succeeded", outcome.Output, StringComparison.Ordinal);
        Assert.Equal(before, DemoLake.HashFiles(copy.Path, Weights));
        Assert.Equal(0, (await CliHarness.RunAsync(copy.Path, "ledger", "verify", "demo-meta")).ExitCode);
    }

    [Fact]
    public async Task StageRun_InputDeleted_FailsNamingTheMissingPath()
    {
        using var copy = new TempDirectory("qf-cli-stage");
        demo.CopyTo(copy.Path);
        const string Selection = "gold/crypto_long/meta/version=1.0.0/selection/run=demo-meta/part-00000.parquet";
        File.Delete(Path.Combine(copy.Path, Selection));

        CliOutcome outcome = await CliHarness.RunAsync(copy.Path, "stage", "run", "alpha.synthesize[crypto_long]", "--run-id", "demo-meta");

        Assert.True(outcome.ExitCode != 0, outcome.ToString());
        Assert.Contains(Selection, outcome.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelineRun_AggregateListsSleeveNoNodeProduces_ExitsOneGateNamesSleeveDependentsSkipped()
    {
        using var copy = new TempDirectory("qf-cli-gate");
        demo.CopyTo(copy.Path);
        string manifest = Path.Combine(copy.Path, "gate.json");
        File.WriteAllText(manifest, """
            {
              "id": "gate", "version": "1.0.0", "scope": "demo", "kind": "model",
              "parameters": { "sleeves": ["crypto_long"] },
              "nodes": [
                { "id": "alpha.select", "stage": "alpha.select", "for_each": "sleeves", "params": { "sleeves": {
                    "crypto_long": { "universe": "crypto_spot", "direction": "long", "top_n": 10, "lookback": 60, "skip": 0, "allocation_lookback": 60, "engine": "inverse_vol", "periods_per_year": 365 } } } },
                { "id": "validate.backtest", "stage": "validate.backtest", "for_each": "sleeves", "depends_on": ["alpha.select"] },
                { "id": "meta.aggregate", "stage": "meta.aggregate", "depends_on": ["validate.backtest"], "params": { "sleeves": ["crypto_long", "ghost_short"] } },
                { "id": "report.meta", "stage": "report.tearsheet", "depends_on": ["meta.aggregate"], "params": { "sleeve": "meta" } }
              ]
            }
            """);

        CliOutcome outcome = await CliHarness.RunAsync(copy.Path, "pipeline", "run", manifest, "--run-id", "gate-1", "--as-of", "2024-01-02");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        JsonNode run = await StatusJsonAsync(copy.Path, "gate-1");
        Assert.Equal("failed", run["status"]!.GetValue<string>());
        JsonNode aggregate = Node(run, "meta.aggregate");
        Assert.Equal("failed", aggregate["status"]!.GetValue<string>());
        Assert.Contains("ghost_short", aggregate["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("skipped", Node(run, "report.meta")["status"]!.GetValue<string>());
        Assert.Equal("succeeded", Node(run, "validate.backtest[crypto_long]")["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task PipelineRun_ParamOverrideToMissingSource_ExitsOneDependentsSkipped()
    {
        using var copy = new TempDirectory("qf-cli-param");
        demo.CopyTo(copy.Path);

        CliOutcome outcome = await CliHarness.RunAsync(copy.Path,
            "pipeline", "run", CliHarness.ShippedManifest(MetaManifest), "--run-id", "bad-source", "--as-of", "2024-01-02", "--param", "alpha.select:source_version=9.9.9");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("silver/crypto_spot/dataops/version=9.9.9/returns", outcome.Output, StringComparison.Ordinal);
        JsonNode run = await StatusJsonAsync(copy.Path, "bad-source");
        Assert.Equal("failed", run["status"]!.GetValue<string>());
        Assert.Contains(run["nodes"]!.AsArray(), n => n!["status"]!.GetValue<string>() == "failed");
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

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains("capital", outcome.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParquetInspect_DemoBacktest_ShowsSchemaAndRowGroups()
    {
        string file = demo.PathOf(MetaBacktest);

        CliOutcome text = await CliHarness.RunAsync(demo.Root, "parquet", "inspect", file);
        CliOutcome json = await CliHarness.RunAsync(demo.Root, "parquet", "inspect", file, "--json");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("row group 0", text.Output, StringComparison.Ordinal);
        Assert.All((string[])["date", "gross_ret", "net_ret", "equity", "turnover", "cost"], c => Assert.Contains(c, text.Output, StringComparison.Ordinal));
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.NotNull(JsonNode.Parse(json.Output));
    }

    [Fact]
    public async Task ParquetCat_ColumnsLimitJsonl_PrintsThreeRowsOfTheseColumns()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "parquet", "cat", demo.PathOf(MetaBacktest), "--columns", "date,equity", "--limit", "3", "--format", "jsonl");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
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

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains("no column 'nope'", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("net_ret", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParquetInspect_MissingFile_ExitsTwo()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "parquet", "inspect", demo.PathOf("gold/nope.parquet"));

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
    }

    [Fact]
    public async Task ParquetInspect_NotAParquetFile_ExitsTwoNamingTheFile()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "parquet", "inspect", demo.PathOf("gold/meta/meta/version=1.0.0/orders/run=demo-meta/orders.json"));

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains("Invalid Parquet data in 'orders.json'", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelineResume_UnknownRun_ExitsTwo()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "pipeline", "resume", "nope");

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains("no run 'nope'", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelineResume_FinishedDemoRun_ExitsZeroReusingEveryNode()
    {
        using var copy = new TempDirectory("qf-cli-resume");
        demo.CopyTo(copy.Path);

        CliOutcome outcome = await CliHarness.RunAsync(copy.Path, "pipeline", "resume", "demo-meta");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        JsonNode run = await StatusJsonAsync(copy.Path, "demo-meta");
        Assert.All(run["nodes"]!.AsArray(), n => Assert.Equal(1, n!["attempts"]!.GetValue<int>()));
        Assert.Equal(0, (await CliHarness.RunAsync(copy.Path, "ledger", "verify", "demo-meta")).ExitCode);
    }

    [Fact]
    public async Task LakeList_GoldMeta_ListsTheMetaFiles()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "lake", "ls", "gold/meta");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains(MetaBacktest, outcome.Output, StringComparison.Ordinal);
        Assert.Contains("gold/meta/meta/version=1.0.0/orders/run=demo-meta/orders.json", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("gold/crypto_long", outcome.Output, StringComparison.Ordinal);
    }

    private static async Task<JsonNode> StatusJsonAsync(string lakeRoot, string runId)
    {
        CliOutcome status = await CliHarness.RunAsync(lakeRoot, "pipeline", "status", runId, "--json");
        Assert.True(status.ExitCode == 0, status.ToString());
        return JsonNode.Parse(status.Output)!;
    }

    private static JsonNode Node(JsonNode run, string key) =>
        run["nodes"]!.AsArray().Single(n => n!["node"]!.GetValue<string>() == key)!;
}
