using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests;

/// <summary><c>quant pipeline run</c> publishes the hand-off of a succeeded data run.</summary>
public sealed class PipelineRunHandoffTests
{
    [Fact]
    public async Task PipelineRun_EquityDataOpsManifest_PublishesTheHandoffWithTheRunId()
    {
        using var lake = new TempDirectory("qf-cli-handoff");
        string manifest = CliHarness.ShippedManifest("manifests/equity/dataops_us_equity/version=1.0.0/manifest.json");

        CliOutcome outcome = (await CliHarness.RunAsync(lake.Path, "pipeline", "run", manifest, "--run-id", "equity-1", "--as-of", "2024-12-31T00:00:00Z")).AssertExit(0);

        Assert.Contains("hand-off published: _meta/equity/pipelines/dataops_us_equity/latest.json", outcome.Output, StringComparison.Ordinal);
        string latest = await File.ReadAllTextAsync(Path.Combine(lake.Path, "_meta", "equity", "pipelines", "dataops_us_equity", "latest.json"));
        Assert.Contains("\"run_id\": \"equity-1\"", latest, StringComparison.Ordinal);
        Assert.Contains("silver/us_equity/dataops_us_equity/version=1.0.0/", latest, StringComparison.Ordinal);
    }
}
