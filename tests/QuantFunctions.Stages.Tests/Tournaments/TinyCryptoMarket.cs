using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Testing.Orchestration;

namespace QuantFunctions.Stages.Tests.Tournaments;

/// <summary>A small demo-scope DataOps run for model tests: 20 crypto assets (and 10 equities) over 300 days, silver returns and the feature store of crypto_spot, hand-off published.</summary>
internal static class TinyCryptoMarket
{
    private const string DataManifest = """
        {
          "id": "dataops", "version": "1.0.0", "scope": "demo", "kind": "data",
          "parameters": { "universes": ["crypto_spot"] },
          "nodes": [
            { "id": "dataops.synthetic_market", "stage": "dataops.synthetic_market",
              "params": { "seed": 11, "start": "2023-01-02", "calendar_days": 300, "crypto_assets": 20, "equity_assets": 10 } },
            { "id": "dataops.returns", "stage": "dataops.returns", "for_each": "universes", "depends_on": ["dataops.synthetic_market"],
              "params": { "markets": { "crypto_spot": "binance" }, "calendars": { "crypto_spot": "XCRY" } } },
            { "id": "dataops.features", "stage": "dataops.features", "for_each": "universes", "depends_on": ["dataops.returns"],
              "params": { "markets": { "crypto_spot": "binance" }, "calendars": { "crypto_spot": "XCRY" } } }
          ]
        }
        """;

    /// <summary>Runs the DataOps pipeline once per lake (run id <c>data-1</c>).</summary>
    public static async Task EnsureAsync(DagTestHost host)
    {
        if (await host.Lake.GetInfoAsync(LakePath.Parse("_meta/demo/pipelines/dataops/latest.json")) is null)
        {
            Assert.Equal(RunStatus.Succeeded, (await host.RunAsync(DataManifest, runId: "data-1")).Status);
        }
    }
}
