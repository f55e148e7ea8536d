using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Stages.Tests.DataOps;

namespace QuantFunctions.Stages.Tests.Alpha;

/// <summary><c>alpha.select</c> over a DataOps hand-off without a feature store: a typed failure, nothing written.</summary>
public sealed class SelectStageTests(SmallMarketLake market) : IClassFixture<SmallMarketLake>
{
    [Fact]
    public async Task Select_NoFeatureStore_FailsTypedNamingDatasetAndAsOf_LakeUnchanged()
    {
        // A DataOps run of the same market without dataops.features: silver returns, no feature store.
        RunRecord bare = await market.Host.RunAsync($$"""
            {
              "id": "dataops_bare", "version": "1.0.0", "scope": "demo", "kind": "data",
              "parameters": { "universes": ["crypto_spot"] },
              "nodes": [
                { "id": "dataops.synthetic_market", "stage": "dataops.synthetic_market",
                  "params": { "seed": 7, "start": "2023-01-02", "calendar_days": 200, "crypto_assets": 10, "equity_assets": 10 } },
                { "id": "dataops.returns", "stage": "dataops.returns", "for_each": "universes", "depends_on": ["dataops.synthetic_market"],
                  "params": { {{SmallMarketLake.UniverseParams}} } }
              ]
            }
            """, runId: "bare-dataops");
        Assert.Equal(RunStatus.Succeeded, bare.Status);
        string[] before = await ListAsync();

        RunRecord run = await market.Host.RunAsync("""
            {
              "id": "select_bare", "version": "1.0.0", "scope": "demo", "kind": "model",
              "parameters": { "sleeves": { "type": "list", "default": ["crypto_long"] } },
              "nodes": [
                { "id": "alpha.select", "stage": "alpha.select", "for_each": "sleeves",
                  "params": { "source_pipeline": "dataops_bare", "source_version": "1.0.0", "sleeves": {
                    "crypto_long": { "universe": "crypto_spot", "direction": "long", "selection": { "standard": "v4", "lookback": 30, "history": 120, "floor": 8 }, "periods_per_year": 365 } } } }
              ]
            }
            """, runId: "select-bare");

        Assert.Equal(RunStatus.Failed, run.Status);
        NodeError error = Assert.Single(run.Nodes, n => n.Error is not null).Error!;
        Assert.Equal(ErrorCodes.NoFeatureStore.Value, error.Code);
        Assert.Contains("silver/crypto_spot/dataops_bare/version=1.0.0/features", error.Message, StringComparison.Ordinal);
        Assert.Contains("2024-12-31T00:00:00Z", error.Message, StringComparison.Ordinal); // DagTestHost.DefaultAsOf
        // Nothing was written to the data zones: no gold for the sleeve, silver and bronze as before.
        string[] after = await ListAsync();
        Assert.Equal(before, after);
    }

    private async Task<string[]> ListAsync()
    {
        var paths = new List<string>();
        foreach (string zone in new[] { "bronze", "silver", "gold", "models" })
        {
            await foreach (LakeObjectInfo info in market.Host.Lake.ListAsync(LakePath.Parse(zone)))
            {
                paths.Add(info.Path.Value);
            }
        }

        paths.Sort(StringComparer.Ordinal);
        return [.. paths];
    }
}
