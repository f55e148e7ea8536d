using QuantFunctions.Cli.Tests.Infrastructure;

namespace QuantFunctions.Cli.Tests;

/// <summary><c>quant data health</c> on the demo lake: the summary re-rendered from the registry equals the stage's summary.md, and unknown runs or universes exit 2.</summary>
[Collection(DemoLakeCollection.Name)]
public sealed class DataHealthCommandTests(DemoLake demo)
{

    /// <summary>
    /// The command reads the registry (Parquet) and renders it; the stage rendered the same results to summary.md at
    /// write time. Below their differing titles the two texts must be identical — so the registry round-trips every
    /// status, rule, detail and timestamp.
    /// </summary>
    [Theory]
    [InlineData("crypto_spot", new string[0])]
    [InlineData("us_equity", new string[0])]
    [InlineData("crypto_spot", new[] { "--run", "demo-dataops" })]
    public async Task Health_DemoUniverse_PrintsTheRegistrySummary(string universe, string[] extra)
    {
        CliOutcome outcome = (await CliHarness.RunAsync(demo.Root, ["data", "health", universe, .. extra])).AssertExit(0);

        string folder = $"silver/{universe}/dataops/version=1.0.0/health/run=demo-dataops/";
        string stored = await File.ReadAllTextAsync(demo.PathOf(folder + "summary.md"));
        Assert.StartsWith($"# Data health — {universe} as of 2024-01-03 00:00 UTC (run demo-dataops)", outcome.Output, StringComparison.Ordinal);
        Assert.Contains(BodyOf(stored), outcome.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"registry: {folder}part-00000.parquet", outcome.Output, StringComparison.Ordinal);
        Assert.Matches(@"60 symbols: \d+ HEALTHY, \d+ DEGRADED, \d+ DROPPED\.", outcome.Output);
    }

    [Theory]
    [InlineData("crypto_spot", "--run", "no-such-run", "no-such-run")]
    [InlineData("no_such_universe", null, null, "no_such_universe")]
    public async Task Health_UnknownRunOrUniverse_ExitsTwoNamingIt(string universe, string? option, string? value, string named)
    {
        string[] args = option is null ? ["data", "health", universe] : ["data", "health", universe, option, value!];

        CliOutcome outcome = (await CliHarness.RunAsync(demo.Root, args)).AssertExit(2);

        Assert.Contains(named, outcome.Error, StringComparison.Ordinal);
        Assert.Contains("no health registry", outcome.Error, StringComparison.Ordinal);
    }

    private static string BodyOf(string markdown)
    {
        string text = markdown.ReplaceLineEndings("\n");
        return text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..];
    }
}
