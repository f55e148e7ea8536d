using Microsoft.Extensions.DependencyInjection;
using QuantFunctions.Core.Errors;
using QuantFunctions.Durable;
using QuantFunctions.Functions.Http;
using QuantFunctions.Functions.Runs;
using QuantFunctions.Functions.Tests.Support;

namespace QuantFunctions.Functions.Tests.Api;

/// <summary>What a valid start becomes: the orchestration input and the orchestrator for the pipeline's kind.</summary>
public sealed class RunStarterTests(HarnessFixture fixture) : IClassFixture<HarnessFixture>
{
    private RunStarter Starter => fixture.Harness.Services.GetRequiredService<RunStarter>();

    [Fact]
    public void Prepare_ModelPipelineWithOverrides_ModelOrchestratorAndTheManifestCarriedInTheInput()
    {
        var request = new StartRunRequest { AsOf = FunctionsHarness.DemoAsOf, Seed = 7, Params = ["alpha.allocate:engine=hrp"] };

        PreparedRun run = Starter.Prepare("sleeve", request).Value!;

        Assert.Equal(DurableNames.ModelOrchestrator, run.Orchestrator);
        Assert.Equal("sleeve-20240103t000000000z-s7", run.Start.RunId);
        Assert.Equal((FunctionsHarness.DemoAsOf, 7, 1), (run.Start.AsOf, run.Start.Seed, run.Start.Attempt));
        Assert.Equal(["alpha.allocate:engine=hrp"], run.Start.Overrides);
        Assert.Equal(run.Manifest.Json, run.Start.ManifestJson);
        Assert.EndsWith(Path.Combine("demo", "sleeve", "version=1.0.0", "manifest.json"), run.Start.ManifestSource, StringComparison.Ordinal);
        Assert.False(run.Start.IsRestart);
        Assert.Equal("demo", RunLocator.ScopeOf(run.Start));
    }

    [Fact]
    public void Prepare_DataPipelineWithoutAsOf_NowFromTheTimeProviderAndTheDataOrchestrator()
    {
        PreparedRun run = Starter.Prepare("dataops", new StartRunRequest()).Value!;

        Assert.Equal(DurableNames.DataOrchestrator, run.Orchestrator);
        Assert.StartsWith("dataops-", run.Start.RunId, StringComparison.Ordinal);
        Assert.EndsWith("-s42", run.Start.RunId, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_OverridableParametersWithinRange_Accepted()
    {
        string[] overrides = ["dataops.ingest:max_retries=2", "dataops.ingest:universe=spot", "crypto/dataops_crypto_spot/dataops.health:strict=true", "dataops.returns:tolerated_missing_sessions=0"];

        ApiResult<PreparedRun> run = Starter.Prepare("dataops_crypto_spot", new StartRunRequest { Params = overrides });

        Assert.True(run.IsOk, run.Problem?.Detail);
        Assert.Equal(overrides, run.Value!.Start.Overrides);
    }

    [Fact]
    public void Prepare_SetOfAParameterFeedingOverridableStageParameters_CanonicalValuesInTheInputAndTheRunId()
    {
        var request = new StartRunRequest { AsOf = FunctionsHarness.DemoAsOf, Set = new Dictionary<string, string> { ["meta_periods_per_year"] = "365" } };

        ApiResult<PreparedRun> run = Starter.Prepare("meta", request);

        Assert.True(run.IsOk, run.Problem?.Detail);
        Assert.Equal(new Dictionary<string, string> { ["meta_periods_per_year"] = "365" }, run.Value!.Start.Parameters);
        Assert.Matches("^meta-20240103t000000000z-s42-p[0-9a-f]{8}$", run.Value.Start.RunId);
        Assert.Equal(run.Value.Start.RunId, Starter.Prepare("meta", request with { Set = new Dictionary<string, string> { ["meta_periods_per_year"] = "+365" } }).Value!.Start.RunId);
    }

    [Fact]
    public void Prepare_OverrideOfAnotherPipelineScope_BadParams()
    {
        ApiResult<PreparedRun> run = Starter.Prepare("dataops", new StartRunRequest { Params = ["crypto/dataops_crypto_spot/dataops.returns:x=1"] });

        Assert.Equal(ErrorCodes.BadParams, run.Problem!.Code);
        Assert.Contains("applies to no node", run.Problem.Detail, StringComparison.Ordinal);
    }
}
