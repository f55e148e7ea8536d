using System.Text.Json.Nodes;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Lake.Audit;
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
        (await CliHarness.RunAsync(copy.Path, "paper", "step", "--date", "2023-12-04")).AssertExit(0);
        (await CliHarness.RunAsync(copy.Path, "paper", "step", "--date", "2023-12-05")).AssertExit(0);
        SortedDictionary<string, string> before = DemoLake.HashFiles(copy.Path, "gold/meta/paper");
        string ledger = Path.Combine(copy.Path, "_meta/demo/runs/paper-meta-20231205/audit.jsonl");

        (await CliHarness.RunAsync(copy.Path, "paper", "step", "--date", "2023-12-05")).AssertExit(0);
        Assert.Equal(before, DemoLake.HashFiles(copy.Path, "gold/meta/paper"));
        // The resumed run reuses the node: the day's fills are in its ledger once.
        Assert.Single(File.ReadAllLines(ledger), l => l.Contains("\"kind\":\"paper.fills\"", StringComparison.Ordinal));

        // The fills of 2023-12-05 are the orders of 2023-12-04, filled at the 5th's open; conservation holds after each.
        JsonObject book = Read(copy.Path, $"{Book}/run=paper-meta-20231205/book.json");
        JsonObject day4 = Read(copy.Path, "gold/meta/paper/version=1.0.0/orders/run=paper-meta-20231204/orders.json");
        Assert.True(day4["order_count"]!.GetValue<int>() > 0);
        Assert.Equal(book["equity"]!.GetValue<double>(), Marked(book), 0.005);

        CliOutcome backwards = await CliHarness.RunAsync(copy.Path, "paper", "step", "--date", "2023-12-03");
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
            (await CliHarness.RunAsync(copy.Path, ["paper", "step", "--date", date, .. tight])).AssertExit(0);
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

    [Fact]
    public async Task Promote_EachGateFailingAlone_FailsNamingIt()
    {
        using TempDirectory copy = demo.Copy();
        foreach (string date in (string[])["2023-12-04", "2023-12-05", "2023-12-06"])
        {
            (await CliHarness.RunAsync(copy.Path, "paper", "step", "--date", date)).AssertExit(0);
        }

        var lake = new FileSystemLakeStore(copy.Path);
        const string Gold = "gold/meta/meta/version=1.0.0";
        Write(copy.Path, $"{Gold}/scoreboard/run=demo-meta/scoreboard.json", """{"rows":[{"candidate":"hrp","baseline":false,"strict":true},{"candidate":"benchmark","baseline":true,"strict":false}]}""");
        Write(copy.Path, $"{Gold}/simulators/run=demo-meta/parity.json", """{"within_bounds":true}""");
        const string Coverage = "_meta/demo/runs/demo-dataops/coverage_ingest.json";
        Write(copy.Path, Coverage, """{"run_id":"demo-dataops","profile":"demo","attempts":[{"attempt":1,"fetched":40,"failed":0,"duration_ms":10}],"failed_symbols":[]}""");
        using (var ledger = AuditLedger.ForRun(lake, LakeIdentifier.Parse("demo"), RunId.Parse("demo-dataops")))
        {
            await ledger.AppendAsync(new AuditEvent("coverage", null, "0123456789abcdef0123456789abcdef", new JsonObject { ["artifact"] = Coverage }));
        }

        // The demo's crypto selection holds two DEGRADED symbols: strict health fails unless an exception is recorded.
        string[] baseline = ["promote", "demo-meta", "--burn-in", "3", "--exception", "data_health=demo universe: degraded symbols accepted for the test"];
        CliOutcome pass = await CliHarness.RunAsync(copy.Path, baseline);
        pass.AssertExit(0);
        Assert.Contains("PROMOTABLE", pass.Output, StringComparison.Ordinal);
        Assert.True(Read(copy.Path, "_meta/demo/runs/demo-meta/promotion.json")["promotable"]!.GetValue<bool>());

        await FailsAlone(copy.Path, "data_health", ["promote", "demo-meta", "--burn-in", "3"], () => { }, () => { });
        await FailsAlone(copy.Path, "paper_burn_in", ["promote", "demo-meta", "--burn-in", "4", baseline[4], baseline[5]], () => { }, () => { });
        await Swap(copy.Path, "reproducible_selection", baseline, "_meta/pipelines/demo/meta/version=1.0.0/manifest.json", null);
        await Swap(copy.Path, "strict_scoreboard", baseline, $"{Gold}/scoreboard/run=demo-meta/scoreboard.json", """{"rows":[{"candidate":"benchmark","baseline":true,"strict":true}]}""");
        await Swap(copy.Path, "baseline_rows", baseline, $"{Gold}/scoreboard/run=demo-meta/scoreboard.json", """{"rows":[{"candidate":"hrp","baseline":false,"strict":true}]}""");
        await Swap(copy.Path, "simulator_sanity", baseline, $"{Gold}/simulators/run=demo-meta/parity.json", """{"within_bounds":false}""");
        await Swap(copy.Path, "coverage_evidence", baseline, Coverage, """{"run_id":"demo-dataops","profile":"demo","attempts":[{"attempt":1,"fetched":39,"failed":1,"duration_ms":10}],"failed_symbols":["XNYS:EQ001"]}""");
        string orders = $"{Gold}/orders/run=demo-meta/orders.json";
        await Swap(copy.Path, "orders", baseline, orders, File.ReadAllText(Path.Combine(copy.Path, orders)).Replace("\"quantity\": ", "\"quantity\": 1", StringComparison.Ordinal));
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
