using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests;

/// <summary><c>quant pipeline run … --set name=value</c>: an unknown or ill-typed parameter is refused with one line before anything runs.</summary>
public sealed class PipelineRunSetTests : IDisposable
{
    private const string SleeveManifest = "manifests/demo/sleeve/version=1.0.0/manifest.json";

    private readonly TempDirectory _dir = new("qf-set");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("slieve=equity_long", "--set 'slieve=equity_long': unknown parameter 'slieve' (declared: sleeve, source_pipeline, source_scope, source_version)")]
    [InlineData("sleeve=equity", "--set 'sleeve=equity': parameter 'sleeve' must be one of crypto_long, crypto_short, equity_long, equity_short (case-sensitive), got 'equity'")]
    [InlineData("sleeve", "--set 'sleeve' must be 'name=value' (a parameter the manifest declares).")]
    public async Task Run_UnknownIllTypedOrMalformedSet_ExitsTwoWithOneLineBeforeAnythingRuns(string assignment, string message)
    {
        CliOutcome outcome = await CliHarness.RunAsync(_dir.Combine("lake"), "pipeline", "run", CliHarness.ShippedManifest(SleeveManifest), "--set", assignment);

        outcome.AssertExit(ExitCodes.UsageError);
        Assert.Equal($"quant run: bad_set: {message}", outcome.Error.Trim());
        Assert.False(Directory.Exists(_dir.Combine("lake", "_meta", "demo", "runs")), "nothing may run: " + outcome);
    }
}
