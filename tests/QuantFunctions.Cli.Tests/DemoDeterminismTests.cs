using System.Text.Json.Nodes;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests;

/// <summary>The demo is reproducible: same bytes on two fresh lakes, and a second demo on a lake redoes nothing.</summary>
[Collection(DemoLakeCollection.Name)]
public sealed class DemoDeterminismTests(DemoLake demo)
{
    [Fact]
    public async Task Demo_TwiceOnFreshLakesThenAgain_ByteIdenticalOutputsAndNoRedo()
    {
        using var second = new TempDirectory("qf-cli-demo2");
        CliOutcome first = await CliHarness.RunAsync(second.Path, "demo");
        first.AssertExit(0);

        // Two fresh lakes: every gold file (and the data layers under it) byte for byte the same.
        foreach (string layer in (string[])["gold", "silver", "bronze", "raw"])
        {
            SortedDictionary<string, string> expected = DemoLake.HashFiles(demo.Root, layer);
            SortedDictionary<string, string> actual = DemoLake.HashFiles(second.Path, layer);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
        }

        // A second demo on the same lake succeeds, reuses every node and changes no gold file.
        SortedDictionary<string, string> goldBefore = DemoLake.HashFiles(second.Path, "gold");
        string ledgerPath = Path.Combine(second.Path, "_meta", "demo", "runs", "demo-meta", "audit.jsonl");
        int entriesBefore = File.ReadAllLines(ledgerPath).Length;

        CliOutcome again = await CliHarness.RunAsync(second.Path, "demo");

        again.AssertExit(0);
        Assert.Equal(goldBefore, DemoLake.HashFiles(second.Path, "gold"));
        string[] newEntries = File.ReadAllLines(ledgerPath)[entriesBefore..];
        string[] kinds = [.. newEntries.Select(line => JsonNode.Parse(line)!["kind"]!.GetValue<string>())];
        Assert.Equal(32, kinds.Count(k => k == "node.reused")); // 7 nodes × 4 sleeves + aggregate, parity, report, orders
        Assert.DoesNotContain("node.succeeded", kinds);
        JsonNode run = JsonNode.Parse(File.ReadAllText(Path.Combine(second.Path, "_meta", "demo", "runs", "demo-meta", "run.json")))!;
        Assert.All(run["nodes"]!.AsArray(), n => Assert.Equal(1, n!["attempts"]!.GetValue<int>()));
    }
}
