using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Testing.Orchestration;

namespace QuantFunctions.Stages.Tests.DataOps;

/// <summary>
/// A small DataOps run with the health audit, returns and the feature store (200 days from 2023-01-02, 10 + 10
/// assets, one toxic print per market: one close × 7, i.e. a +600% daily return, above the 500% bound) in an
/// in-memory lake, as of midnight after the last bar (2023-07-21 00:00 UTC). Shared by a test class.
/// </summary>
public sealed class HealthFeaturesLake : IAsyncLifetime, IDisposable
{
    /// <summary>The run id of the fixture's run.</summary>
    public const string RunId = "health-features";

    /// <summary>The last synthetic bar date (start + 199 days).</summary>
    public static readonly DateOnly LastDate = new(2023, 7, 20);

    /// <summary>The run's as-of time: every bar is known.</summary>
    public static readonly DateTimeOffset AsOf = new(2023, 7, 21, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Market and calendar per universe.</summary>
    public const string UniverseParams = """
        "markets": { "crypto_spot": "binance", "us_equity": "xnys" },
        "calendars": { "crypto_spot": "XCRY", "us_equity": "XNYS" }
        """;

    /// <summary>The manifest (health look-back shortened to 150 days so short histories are not all DEGRADED).</summary>
    public static string Manifest(bool strict = false) => $$"""
        {
          "id": "dataops", "version": "1.0.0", "scope": "demo", "kind": "data",
          "parameters": { "universes": ["crypto_spot", "us_equity"] },
          "nodes": [
            { "id": "dataops.synthetic_market", "stage": "dataops.synthetic_market",
              "params": { "seed": 7, "start": "2023-01-02", "calendar_days": 200, "crypto_assets": 10, "equity_assets": 10, "toxic_prints_per_market": 1, "gaps_per_market": 3 } },
            { "id": "dataops.health", "stage": "dataops.health", "for_each": "universes", "depends_on": ["dataops.synthetic_market"],
              "params": { {{UniverseParams}}, "lookback_days": 150, "strict": {{(strict ? "true" : "false")}} } },
            { "id": "dataops.returns", "stage": "dataops.returns", "for_each": "universes", "depends_on": ["dataops.health"],
              "params": { {{UniverseParams}} } },
            { "id": "dataops.features", "stage": "dataops.features", "for_each": "universes", "depends_on": ["dataops.returns"],
              "params": { {{UniverseParams}}, "batch_size": 4 } }
          ]
        }
        """;

    /// <summary>The host (in-memory lake, local runner).</summary>
    public DagTestHost Host { get; } = NewHost();

    /// <summary>The DataOps run.</summary>
    public RunRecord Run { get; private set; } = null!;

    /// <summary>A fresh host with the shipped stages.</summary>
    public static DagTestHost NewHost() => new(new StageRegistryBuilder().AddQuantStages().Build());

    /// <summary>Asserts the run succeeded, naming the failed nodes and their errors otherwise.</summary>
    public static void AssertSucceeded(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Assert.True(
            run.Status == RunStatus.Succeeded,
            string.Join("; ", run.Nodes.Where(n => n.Error is not null).Select(n => $"{n.Node}: {n.Error!.Type}: {n.Error.Message}")));
    }

    /// <inheritdoc/>
    public async Task InitializeAsync() => Run = await Host.RunAsync(Manifest(), runId: RunId, asOf: AsOf);

    /// <inheritdoc/>
    public Task DisposeAsync() => Task.CompletedTask;

    /// <inheritdoc/>
    public void Dispose() => Host.Dispose();
}
