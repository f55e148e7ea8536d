using System.Text.Json.Nodes;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests;

/// <summary>
/// <c>quant paper step --date D</c> runs the paper day's whole chain through the local runner — DataOps for the day →
/// the meta pipeline → orders → paper fills — on a smaller synthetic market (the shipped demo manifests with 30 assets
/// per market instead of 60), and a second step of the same day changes nothing (issue 16 item 4).
/// </summary>
public sealed class PaperChainTests : IDisposable
{
    private readonly TempDirectory _repo = new("qf-paper-chain-repo");
    private readonly TempDirectory _lake = new("qf-paper-chain-lake");

    public PaperChainTests()
    {
        foreach (string pipeline in (string[])["dataops", "meta", "paper"])
        {
            string relative = $"manifests/demo/{pipeline}/version=1.0.0/manifest.json";
            string text = File.ReadAllText(CliHarness.ShippedManifest(relative));
            string target = Path.Combine(_repo.Path, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, pipeline == "dataops" ? Smaller(text) : text);
        }
    }

    public void Dispose()
    {
        _repo.Dispose();
        _lake.Dispose();
    }

    [Fact]
    public async Task PaperStep_TwoDaysThenTheSecondAgain_ChainsDataModelAndFillsOnceAndChangesNothing()
    {
        (await StepAsync("2023-12-04")).AssertExit(0);
        foreach (string run in (string[])["paper-meta-20231204-data", "paper-meta-20231204-model", "paper-meta-20231204"])
        {
            Assert.Equal("Succeeded", Read($"_meta/demo/runs/{run}/run.json")["status"]!.GetValue<string>(), ignoreCase: true);
        }

        // Day 1 sizes orders to the day's own model run (as of the midnight after it); nothing fills yet.
        JsonObject day1 = Read("gold/meta/paper/version=1.0.0/book/run=paper-meta-20231204/book.json");
        Assert.Equal("paper-meta-20231204-model", day1["model_run"]!.GetValue<string>());
        Assert.True(day1["pending"]!.AsArray().Count > 0);
        string started = File.ReadLines(Path.Combine(_lake.Path, "_meta/demo/runs/paper-meta-20231204-model/audit.jsonl")).First();
        Assert.Equal("2023-12-05T00:00:00.0000000+00:00", JsonNode.Parse(started)!["data"]!["as_of"]!.GetValue<string>());

        // Day 2 fills them at its open: positions and cash in the lake, conserved to the cent.
        (await StepAsync("2023-12-05")).AssertExit(0);
        JsonObject day2 = Read("gold/meta/paper/version=1.0.0/book/run=paper-meta-20231205/book.json");
        Assert.Equal("paper-meta-20231205-model", day2["model_run"]!.GetValue<string>());
        JsonArray positions = day2["positions"]!.AsArray();
        Assert.NotEmpty(positions);
        double marked = day2["cash"]!.GetValue<double>() + positions.Sum(p => p!["quantity"]!.GetValue<double>() * p["mark"]!.GetValue<double>());
        Assert.Equal(day2["equity"]!.GetValue<double>(), marked, 0.005);
        string ledger = Path.Combine(_lake.Path, "_meta/demo/runs/paper-meta-20231205/audit.jsonl");
        Assert.Single(File.ReadAllLines(ledger), l => l.Contains("\"kind\":\"paper.fills\"", StringComparison.Ordinal));

        // The same day again: every run of the chain resumes, nothing in gold changes, the fills are recorded once.
        SortedDictionary<string, string> before = DemoLake.HashFiles(_lake.Path, "gold");
        (await StepAsync("2023-12-05")).AssertExit(0);
        Assert.Equal(before, DemoLake.HashFiles(_lake.Path, "gold"));
        Assert.Single(File.ReadAllLines(ledger), l => l.Contains("\"kind\":\"paper.fills\"", StringComparison.Ordinal));
    }

    // 30 assets per market instead of 60: the same pipelines, half the work.
    private static string Smaller(string dataops) =>
        dataops.Replace("\"crypto_assets\": 60, \"equity_assets\": 60", "\"crypto_assets\": 30, \"equity_assets\": 30", StringComparison.Ordinal);

    private Task<CliOutcome> StepAsync(string date) =>
        CliHarness.RunWithEnvironmentAsync(
            new Dictionary<string, string>(StringComparer.Ordinal) { ["QF_LAKE_ROOT"] = _lake.Path, ["QF_REPO_ROOT"] = _repo.Path }, "paper", "step", "--date", date);

    private JsonObject Read(string lakePath) => JsonNode.Parse(File.ReadAllText(Path.Combine(_lake.Path, lakePath)))!.AsObject();
}
