using System.Text.Json.Nodes;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Stages.Tests.DataOps;

namespace QuantFunctions.Stages.Tests.Validation;

/// <summary><c>validate.backtest</c> with each simulator tier over the small demo market (crypto, 200 days).</summary>
public sealed class BacktestStageTests(SmallMarketLake market) : IClassFixture<SmallMarketLake>
{
    private static string Manifest(string id, string backtestParams) => $$"""
        {
          "id": "{{id}}", "version": "1.0.0", "scope": "demo", "kind": "model",
          "nodes": [
            { "id": "alpha.select", "stage": "alpha.select",
              "params": { "sleeve": "crypto_long", "source_scope": "demo", "source_pipeline": "dataops", "source_version": "1.0.0",
                          "sleeves": { "crypto_long": { "universe": "crypto_spot", "direction": "long", "selection": { "standard": "v4", "lookback": 30, "history": 120, "floor": 4 },
                                                        "allocation_lookback": 30, "engine": "inverse_vol", "periods_per_year": 365 } } } },
            { "id": "validate.backtest", "stage": "validate.backtest", "depends_on": ["alpha.select"],
              "params": { "sleeve": "crypto_long", "train_days": 40, "test_days": 20, "step_days": 10, "slippage_bps": 10, "commission_bps": 4{{backtestParams}} } }
          ]
        }
        """;

    [Theory]
    [InlineData("t1")]
    [InlineData("t2")]
    [InlineData("t3")]
    public async Task Run_EachSimulator_WritesTheStreamAndNamesTheSimulator(string simulator)
    {
        string runId = "bt-" + simulator;
        RunRecord run = await market.Host.RunAsync(Manifest("sleeve_" + simulator, $", \"simulator\": \"{simulator}\", \"lot_size\": 0"), runId: runId);

        Assert.True(run.Status == RunStatus.Succeeded, string.Join(" | ", run.Nodes.Select(n => n.Error?.Message)));
        AuditEntry entry = Assert.Single(await market.Host.ReadLedgerAsync("demo", runId), e => e.Kind == "validate.backtest");
        Assert.Equal(simulator, entry.Data["simulator"]!.GetValue<string>());
        Assert.Equal(0, entry.Data["cash_days"]!.GetValue<int>());
        IReadOnlyList<LakeObjectInfo> gold = await GoldOfAsync(runId);
        LakeObjectInfo part = Assert.Single(gold, o => o.Path.ToString().EndsWith("part-00000.parquet", StringComparison.Ordinal) && o.Path.ToString().Contains("/backtest/", StringComparison.Ordinal));
        LakeTable table = await LakeTableStore.ReadAsync(market.Host.Lake, part.Path);
        Assert.Equal(entry.Data["sessions"]!.GetValue<int>(), table.RowCount);
        bool hasRejections = gold.Any(o => o.Path.ToString().Contains("/backtest/", StringComparison.Ordinal) && o.Path.ToString().EndsWith("/rejections.json", StringComparison.Ordinal));
        Assert.Equal(simulator == "t3", hasRejections);
        if (simulator == "t3")
        {
            LakeObjectInfo file = Assert.Single(gold, o => o.Path.ToString().EndsWith("rejections.json", StringComparison.Ordinal));
            LakeObject obj = (await market.Host.Lake.TryReadAsync(file.Path))!;
            JsonObject doc = JsonNode.Parse(obj.Content.Span)!.AsObject();
            Assert.Equal(entry.Data["rejected_orders"]!.GetValue<int>(), doc["count"]!.GetValue<int>());
            Assert.Equal(doc["count"]!.GetValue<int>(), doc["orders"]!.AsArray().Count);
        }
    }

    [Fact]
    public async Task Run_UnknownSimulator_RefusedBeforeRunningNamingTheChoices()
    {
        var ex = await Assert.ThrowsAsync<ManifestValidationException>(() => market.Host.RunAsync(Manifest("sleeve_bad", ", \"simulator\": \"t9\""), runId: "bt-bad"));

        Assert.Contains("parameter 'simulator' = \"t9\": must be one of t1, t2, t3", ex.Message, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<LakeObjectInfo>> GoldOfAsync(string runId)
    {
        var found = new List<LakeObjectInfo>();
        await foreach (LakeObjectInfo o in market.Host.Lake.ListAsync(LakePath.Parse("gold")))
        {
            if (o.Path.ToString().Contains(runId, StringComparison.Ordinal))
            {
                found.Add(o);
            }
        }

        return found;
    }
}
