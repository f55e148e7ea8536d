using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Testing.Orchestration;
using QuantFunctions.Stages.DataOps;

namespace QuantFunctions.Stages.Tests.DataOps;

/// <summary>
/// A small demo DataOps run (returns and the feature store; 200 days, 10 + 10 assets, default listings, delistings and gaps) in an in-memory
/// lake, shared by a test class. The registry also holds the returns stage registered as a <em>model</em> stage
/// (<see cref="ModelReturnsStageId"/>) to prove model pipelines cannot write silver.
/// </summary>
public sealed class SmallMarketLake : IAsyncLifetime, IDisposable
{
    /// <summary>The returns stage registered under a model-pipeline id.</summary>
    public const string ModelReturnsStageId = "test.model_returns";

    /// <summary>Market and calendar per universe, as in manifests/demo/dataops.</summary>
    public const string UniverseParams = """
        "markets": { "crypto_spot": "binance", "us_equity": "xnys" },
        "calendars": { "crypto_spot": "XCRY", "us_equity": "XNYS" }
        """;

    private const string Manifest = $$"""
        {
          "id": "dataops", "version": "1.0.0", "scope": "demo", "kind": "data",
          "parameters": { "universes": ["crypto_spot", "us_equity"] },
          "nodes": [
            { "id": "dataops.synthetic_market", "stage": "dataops.synthetic_market",
              "params": { "seed": 7, "start": "2023-01-02", "calendar_days": 200, "crypto_assets": 10, "equity_assets": 10 } },
            { "id": "dataops.returns", "stage": "dataops.returns", "for_each": "universes", "depends_on": ["dataops.synthetic_market"],
              "params": { {{UniverseParams}} } },
            { "id": "dataops.features", "stage": "dataops.features", "for_each": "universes", "depends_on": ["dataops.returns"],
              "params": { {{UniverseParams}} } }
          ]
        }
        """;

    /// <summary>The host (in-memory lake, local runner).</summary>
    public DagTestHost Host { get; } = new(new StageRegistryBuilder()
        .AddQuantStages()
        .Add<ReturnsStage, ReturnsParameters>(ModelReturnsStageId, "The returns stage, misregistered as a model stage.", PipelineKind.Model)
        .Build());

    /// <summary>The DataOps run.</summary>
    public RunRecord Run { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync() => Run = await Host.RunAsync(Manifest, runId: "small-dataops");

    /// <inheritdoc/>
    public Task DisposeAsync() => Task.CompletedTask;

    /// <inheritdoc/>
    public void Dispose() => Host.Dispose();
}
