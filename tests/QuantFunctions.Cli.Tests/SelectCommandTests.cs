using System.Text.Json.Nodes;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests;

/// <summary>End to end: the demo's sleeves select through the full funnel, and <c>quant select</c> prints it (issue 14).</summary>
[Collection(DemoLakeCollection.Name)]
public sealed class SelectCommandTests(DemoLake demo)
{
    private static readonly string[] Sleeves = ["crypto_long", "crypto_short", "equity_long", "equity_short"];

    [Fact]
    public void Demo_EverySleeve_SelectsThroughTheFullFunnelWithV34()
    {
        demo.Demo.AssertExit(0);
        foreach (string sleeve in Sleeves)
        {
            JsonNode funnel = JsonNode.Parse(File.ReadAllText(demo.PathOf($"gold/{sleeve}/meta/version=1.0.0/funnel/run=demo-meta/funnel.json")))!;
            Assert.Equal("v3.4", funnel["standard"]!.GetValue<string>());
            string[] steps = [.. funnel["stages"]!.AsArray().Select(s => s!["name"]!.GetValue<string>())];
            Assert.Equal(["universe", "foundation_gate", "features", "hard_vetoes", "predictability", "qualified", "htr.strict"], steps[..7]);
            Assert.Equal("winners", steps[^1]);
            int[] counts = [.. funnel["stages"]!.AsArray().Take(6).Select(s => s!["count"]!.GetValue<int>())];
            Assert.True(counts.Zip(counts.Skip(1)).All(p => p.First >= p.Second), $"{sleeve}: the funnel narrows: {string.Join(", ", counts)}");
            // The demo universes have 60 assets: at least 15 healthy, so the floor holds.
            Assert.True(funnel["floor_met"]!.GetValue<bool>(), sleeve);
            Assert.InRange(funnel["winners"]!.AsArray().Count, 15, 25);
        }
    }

    [Fact]
    public async Task SelectRun_DemoSleeve_PrintsTheRecordedFunnelAndWinners()
    {
        demo.Demo.AssertExit(0);
        CliOutcome json = await CliHarness.RunAsync(demo.Root, "select", "--run", "demo-meta", "--sleeve", "crypto_long", "--json");
        json.AssertExit(0);
        JsonNode printed = JsonNode.Parse(json.Output)!;
        JsonNode recorded = JsonNode.Parse(File.ReadAllText(demo.PathOf("gold/crypto_long/meta/version=1.0.0/funnel/run=demo-meta/funnel.json")))!;
        Assert.True(JsonNode.DeepEquals(recorded, printed));

        CliOutcome table = await CliHarness.RunAsync(demo.Root, "select", "--run", "demo-meta", "--sleeve", "crypto_long");
        table.AssertExit(0);
        Assert.Contains("htr.strict", table.Output, StringComparison.Ordinal);
        Assert.Contains(recorded["winners"]![0]!.GetValue<string>(), table.Output, StringComparison.Ordinal);

        CliOutcome other = await CliHarness.RunAsync(demo.Root, "select", "--run", "demo-meta", "--sleeve", "crypto_long", "--standard", "v5");
        other.AssertExit(2);
        Assert.Contains("selected sleeve 'crypto_long' with v3.4, not v5", other.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelectFile_WithoutFeatures_IsAUsageError()
    {
        using var dir = new TempDirectory();
        string file = Path.Combine(dir.Path, "returns.csv");
        await File.WriteAllTextAsync(file, "date,A,B\n2024-01-01,0.01,0.02\n2024-01-02,0.01,-0.01\n");
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "select", file);
        outcome.AssertExit(2);
        Assert.Contains("needs --features", outcome.All, StringComparison.Ordinal);
    }
}
