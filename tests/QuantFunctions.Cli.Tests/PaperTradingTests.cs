using System.Text.Json.Nodes;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests;

/// <summary>
/// Paper trading and promotion end to end on copies of the demo lake: idempotent days, the kill switch and its audited
/// resume, and each promotion gate failing alone (issue 16).
/// </summary>
[Collection(DemoLakeCollection.Name)]
public sealed class PaperTradingTests(DemoLake demo)
{
    private const string Book = "gold/meta/paper/version=1.0.0/book";

    [Fact]
    public async Task PaperStep_SameDayTwice_OneSetOfFillsAndAnEarlierDayRefused()
    {
        demo.Demo.AssertExit(0);
        using TempDirectory copy = demo.Copy();
        (await CliHarness.RunAsync(copy.Path, "paper", "step", "--date", "2023-12-04", "--model-run", "demo-meta")).AssertExit(0);
        (await CliHarness.RunAsync(copy.Path, "paper", "step", "--date", "2023-12-05", "--model-run", "demo-meta")).AssertExit(0);
        SortedDictionary<string, string> before = DemoLake.HashFiles(copy.Path, "gold/meta/paper");
        string ledger = Path.Combine(copy.Path, "_meta/demo/runs/paper-meta-20231205/audit.jsonl");

        (await CliHarness.RunAsync(copy.Path, "paper", "step", "--date", "2023-12-05", "--model-run", "demo-meta")).AssertExit(0);
        Assert.Equal(before, DemoLake.HashFiles(copy.Path, "gold/meta/paper"));
        // The resumed run reuses the node: the day's fills are in its ledger once.
        Assert.Single(File.ReadAllLines(ledger), l => l.Contains("\"kind\":\"paper.fills\"", StringComparison.Ordinal));

        // The fills of 2023-12-05 are the orders of 2023-12-04, filled at the 5th's open; conservation holds after each.
        JsonObject book = Read(copy.Path, $"{Book}/run=paper-meta-20231205/book.json");
        JsonObject day4 = Read(copy.Path, "gold/meta/paper/version=1.0.0/orders/run=paper-meta-20231204/orders.json");
        Assert.True(day4["order_count"]!.GetValue<int>() > 0);
        Assert.Equal(book["equity"]!.GetValue<double>(), Marked(book), 0.005);

        CliOutcome backwards = await CliHarness.RunAsync(copy.Path, "paper", "step", "--date", "2023-12-03", "--model-run", "demo-meta");
        Assert.Equal(1, backwards.ExitCode);
        Assert.Contains("trading.book_state", backwards.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KillSwitch_TripsAndRejectsUntilAnAuditedResume()
    {
        // A 0.01 % drawdown limit trips on the first close after the book is invested (any loss at all); the next day fills nothing.
        using TempDirectory copy = demo.Copy();
        string[] tight = ["--set", "max_drawdown=0.0001", "--set", "max_daily_loss=0.0001"];
        var tripped = new List<string>();
        foreach (string date in (string[])["2023-12-04", "2023-12-05", "2023-12-06", "2023-12-07", "2023-12-08"])
        {
            (await CliHarness.RunAsync(copy.Path, ["paper", "step", "--date", date, "--model-run", "demo-meta", .. tight])).AssertExit(0);
            if (Read(copy.Path, $"{Book}/run=paper-meta-{date.Replace("-", string.Empty, StringComparison.Ordinal)}/book.json")["kill_switch"]!["tripped"]!.GetValue<bool>())
            {
                tripped.Add(date);
            }
        }

        Assert.NotEmpty(tripped);
        foreach (string date in tripped.Skip(1))
        {
            string run = date.Replace("-", string.Empty, StringComparison.Ordinal);
            Assert.Equal(0, FillCount(copy.Path, run));
        }

        CliOutcome status = await CliHarness.RunAsync(copy.Path, "paper", "status");
        Assert.Contains("kill switch TRIPPED", status.Output, StringComparison.Ordinal);
        CliOutcome resume = await CliHarness.RunAsync(copy.Path, "paper", "resume", "--reason", "limits were set for the test");
        resume.AssertExit(0);
        string last = tripped[^1].Replace("-", string.Empty, StringComparison.Ordinal);
        Assert.Contains("limits were set for the test", File.ReadAllText(Path.Combine(copy.Path, $"_meta/demo/runs/paper-meta-{last}-resume/audit.jsonl")), StringComparison.Ordinal);
        CliOutcome again = await CliHarness.RunAsync(copy.Path, "paper", "resume", "--reason", "twice");
        Assert.NotEqual(0, again.ExitCode);
    }

    private const string Scoreboard = "gold/tournament/tournament/version=1.0.0/scoreboard/run=demo-tournament/scoreboard.json";
    private const string Parity = "gold/meta/meta/version=1.0.0/simulators/run=demo-meta/parity.json";
    private const string CryptoHealth = "silver/crypto_spot/dataops/version=1.0.0/health/run=demo-dataops/part-00000.parquet";
    private const string Coverage = "_meta/demo/runs/demo-dataops/coverage_ingest.json";
    private static readonly string[] Evidenced = ["promote", "demo-meta", "--tournament", "demo-tournament", "--burn-in", "3"];

    [Fact]
    public async Task Promote_FullyEvidencedRun_PassesWithoutWaivers()
    {
        using TempDirectory copy = demo.Copy();
        await EvidenceAsync(copy.Path);

        CliOutcome pass = await CliHarness.RunAsync(copy.Path, Evidenced);

        pass.AssertExit(0);
        Assert.Contains("PROMOTABLE — every gate passes", pass.Output, StringComparison.Ordinal);
        JsonObject promotion = Read(copy.Path, "_meta/demo/runs/demo-meta/promotion.json");
        Assert.Equal("demo-tournament", promotion["tournament_run"]!.GetValue<string>());
        Assert.Empty(promotion["exceptions"]!.AsObject());
        JsonArray gates = promotion["gates"]!.AsArray();
        Assert.All(gates, g => Assert.Equal("PASS", g!["status"]!.GetValue<string>()));
        // The scoreboard gates read the tournament's own artifact; the simulator gate the meta run's validate.parity record.
        Assert.Equal(Scoreboard, gates.Single(g => g!["gate"]!.GetValue<string>() == "strict_scoreboard")!["evidence"]!.GetValue<string>());
        Assert.Equal(Parity, gates.Single(g => g!["gate"]!.GetValue<string>() == "simulator_sanity")!["evidence"]!.GetValue<string>());
        Assert.Contains("T1/T2/T3 agree", gates.Single(g => g!["gate"]!.GetValue<string>() == "simulator_sanity")!["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // A "tournament" run that recorded no scoreboard leaves both scoreboard gates MISSING, saying so.
        CliOutcome wrong = await CliHarness.RunAsync(copy.Path, "promote", "demo-meta", "--tournament", "demo-dataops", "--burn-in", "3");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("failing: strict_scoreboard (MISSING), baseline_rows (MISSING)", wrong.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_EachGateFailingAlone_FailsNamingIt()
    {
        using TempDirectory copy = demo.Copy();
        byte[] demoHealth = await EvidenceAsync(copy.Path);
        byte[] demoScoreboard = File.ReadAllBytes(demo.PathOf(Scoreboard));
        (await CliHarness.RunAsync(copy.Path, Evidenced)).AssertExit(0);

        // The demo's own evidence fails for real reasons: selected symbols are DEGRADED (crypto and equity), and the demo
        // tournament has no strict candidate; each alone fails promote.
        string healthFile = Path.Combine(copy.Path, CryptoHealth);
        byte[] healthy = File.ReadAllBytes(healthFile);
        await FailsAlone(copy.Path, "data_health", Evidenced, () => File.WriteAllBytes(healthFile, demoHealth), () => File.WriteAllBytes(healthFile, healthy));
        string boardFile = Path.Combine(copy.Path, Scoreboard);
        byte[] strict = File.ReadAllBytes(boardFile);
        await FailsAlone(copy.Path, "strict_scoreboard", Evidenced, () => File.WriteAllBytes(boardFile, demoScoreboard), () => File.WriteAllBytes(boardFile, strict));
        await FailsAlone(copy.Path, "paper_burn_in", [.. Evidenced[..^1], "4"], () => { }, () => { });
        await Swap(copy.Path, "reproducible_selection", Evidenced, "_meta/pipelines/demo/meta/version=1.0.0/manifest.json", null);
        await Swap(copy.Path, "baseline_rows", Evidenced, Scoreboard, """{"rows":[{"cell":"hrp","baseline":false,"strict":true}]}""");
        await Swap(copy.Path, "simulator_sanity", Evidenced, Parity, """{"within_bounds":false}""");
        await Swap(copy.Path, "coverage_evidence", Evidenced, Coverage, """{"run_id":"demo-dataops","profile":"demo","attempts":[{"attempt":1,"fetched":39,"failed":1,"duration_ms":10}],"failed_symbols":["XNYS:EQ001"]}""");
        const string Orders = "gold/meta/meta/version=1.0.0/orders/run=demo-meta/orders.json";
        await Swap(copy.Path, "orders", Evidenced, Orders, File.ReadAllText(Path.Combine(copy.Path, Orders)).Replace("\"quantity\": ", "\"quantity\": 1", StringComparison.Ordinal));
    }

    // Completes the demo's evidence where the synthetic demo cannot supply it, and paper-trades three days; returns the
    // demo's crypto health registry. The demo lake's meta run carries its real parity.json (validate.parity). The
    // synthetic market has no provider ingest: a coverage artifact of 100 % is linked in the data run's ledger; both
    // universes have DEGRADED symbols: the health registries are restated all HEALTHY; its tournament has no strict
    // candidate: the best non-baseline row of its real scoreboard is marked strict.
    private static async Task<byte[]> EvidenceAsync(string root)
    {
        foreach (string date in (string[])["2023-12-04", "2023-12-05", "2023-12-06"])
        {
            (await CliHarness.RunAsync(root, "paper", "step", "--date", date, "--model-run", "demo-meta")).AssertExit(0);
        }

        Assert.True(Read(root, Parity)["within_bounds"]!.GetValue<bool>());
        var lake = new FileSystemLakeStore(root);
        Write(root, Coverage, """{"run_id":"demo-dataops","profile":"demo","attempts":[{"attempt":1,"fetched":40,"failed":0,"duration_ms":10}],"failed_symbols":[]}""");
        using (var ledger = AuditLedger.ForRun(lake, LakeIdentifier.Parse("demo"), RunId.Parse("demo-dataops")))
        {
            await ledger.AppendAsync(new AuditEvent("coverage", null, "0123456789abcdef0123456789abcdef", new JsonObject { ["artifact"] = Coverage }));
        }

        byte[] demoHealth = File.ReadAllBytes(Path.Combine(root, CryptoHealth));
        foreach (string registry in (string[])[CryptoHealth, CryptoHealth.Replace("crypto_spot", "us_equity", StringComparison.Ordinal)])
        {
            LakeTable health = await LakeTableStore.ReadAsync(lake, LakePath.Parse(registry));
            Assert.Contains("DEGRADED", health.Strings("status"));
            health.Strings("status").AsSpan().Fill("HEALTHY");
            await LakeTableStore.WriteAsync(lake, LakePath.Parse(registry), health, LakeWriteMode.Overwrite);
        }

        JsonObject board = Read(root, Scoreboard);
        Assert.DoesNotContain(board["rows"]!.AsArray(), r => r!["strict"]!.GetValue<bool>());
        board["rows"]!.AsArray().First(r => !r!["baseline"]!.GetValue<bool>())!["strict"] = true;
        Write(root, Scoreboard, board.ToJsonString());
        return demoHealth;
    }

    private static async Task Swap(string root, string gate, string[] args, string lakePath, string? content)
    {
        string file = Path.Combine(root, lakePath);
        byte[] original = File.ReadAllBytes(file);
        await FailsAlone(root, gate, args, () =>
        {
            if (content is null)
            {
                File.Delete(file);
            }
            else
            {
                File.WriteAllText(file, content);
            }
        }, () => File.WriteAllBytes(file, original));
    }

    private static async Task FailsAlone(string root, string gate, string[] args, Action breakIt, Action restore)
    {
        breakIt();
        CliOutcome outcome = await CliHarness.RunAsync(root, args);
        restore();
        Assert.True(outcome.ExitCode == 1, $"{gate}: {outcome}");
        string verdict = outcome.Output.Split('\n').Single(l => l.Contains("NOT PROMOTABLE", StringComparison.Ordinal));
        Assert.Contains($"failing: {gate} (", verdict, StringComparison.Ordinal);
        Assert.DoesNotContain(",", verdict[verdict.IndexOf("failing:", StringComparison.Ordinal)..verdict.IndexOf(" (_meta", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    private static int FillCount(string root, string run)
    {
        using var parquet = Lake.Parquet.ParquetReader.Open(Path.Combine(root, $"gold/meta/paper/version=1.0.0/fills/run=paper-meta-{run}/part-00000.parquet"));
        return (int)parquet.RowCount;
    }

    private static double Marked(JsonObject book) =>
        book["cash"]!.GetValue<double>() + book["positions"]!.AsArray().Sum(p => p!["quantity"]!.GetValue<double>() * p["mark"]!.GetValue<double>());

    private static JsonObject Read(string root, string lakePath) => JsonNode.Parse(File.ReadAllText(Path.Combine(root, lakePath)))!.AsObject();

    private static void Write(string root, string lakePath, string content)
    {
        string file = Path.Combine(root, lakePath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
    }
}
