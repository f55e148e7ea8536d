using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Tests.DataOps;

/// <summary><c>dataops.returns</c> on a small synthetic market: one row per observed return, none across a gap, none padded.</summary>
public sealed class ReturnsStageTests(SmallMarketLake market) : IClassFixture<SmallMarketLake>
{
    [Fact]
    public void DataOpsRun_SmallMarket_Succeeds()
    {
        Assert.Equal(RunStatus.Succeeded, market.Run.Status);
        Assert.All(market.Run.Nodes, n => Assert.Equal(NodeStatus.Succeeded, n.Status));
    }

    /// <summary>
    /// Recounts from bronze: a symbol's bars b₀ < b₁ < … give a return on bₖ only when at most one session of the
    /// market's calendar lies strictly between bₖ₋₁ and bₖ (the tolerated hole, docs/backtest.md); so silver rows
    /// = Σ (bars − 1) − (pairs across a longer gap), and each row's value is close/previous close − 1.
    /// </summary>
    [Theory]
    [InlineData("crypto_spot", "binance", "XCRY", 24)]
    [InlineData("us_equity", "xnys", "XNYS", 21)]
    public async Task Returns_SilverRows_AreBronzeBarsMinusFirstObservationsAndGaps(string universe, string marketId, string calendarId, int knownAtHour)
    {
        ILakeStore lake = market.Host.Lake;
        (LakeTable bronze, _) = await LakeTableStore.ReadDatasetAsync(lake, LakePath.Parse($"bronze/{marketId}/spot/ohlcv/schema=v1/interval=1d"));
        (LakeTable silver, _) = await LakeTableStore.ReadDatasetAsync(lake, LakePath.Parse($"silver/{universe}/dataops/version=1.0.0/returns"));
        IReadOnlyList<BarSeries> bars = BarsTable.ToSeries(bronze);
        TradingCalendar calendar = ExchangeCalendars.Resolve(calendarId);

        var expected = new Dictionary<(string Symbol, int Day), double>();
        int pairs = 0;
        foreach (BarSeries s in bars)
        {
            for (int k = 1; k < s.Count; k++)
            {
                pairs++;
                if (calendar.CountSessionsBetween(s.Dates[k - 1], s.Dates[k]) <= 1)
                {
                    expected[(s.Symbol.Value, LongPanel.ToDays(s.Dates[k]))] = (s.Close[k] / s.Close[k - 1]) - 1.0;
                }
            }
        }

        Assert.True(expected.Count < pairs, "the synthetic market should contain at least one gap longer than the tolerance");
        Assert.Equal(expected.Count, silver.RowCount);
        string[] symbols = silver.Strings("symbol");
        int[] days = silver.DateDays("date");
        double[] ret = silver.Doubles("ret");
        long[] knownAt = silver.Timestamps("known_at");
        for (int i = 0; i < silver.RowCount; i++)
        {
            Assert.True(expected.TryGetValue((symbols[i], days[i]), out double value), $"silver has a return for {symbols[i]} on {LongPanel.ToDate(days[i])} that bronze does not support");
            Assert.Equal(value, ret[i], 1e-15);
            Assert.NotEqual(0.0, ret[i]); // continuous synthetic prices: an exact zero would mean padding
            Assert.Equal((days[i] * 86_400_000_000L) + (knownAtHour * 3_600_000_000L), knownAt[i]);
        }
    }

    [Fact]
    public async Task ModelPipeline_StageWritingSilver_FailsAccessDeniedAndWritesNothing()
    {
        string manifest = $$"""
            {
              "id": "sneaky", "version": "1.0.0", "scope": "demo", "kind": "model",
              "nodes": [ { "id": "returns", "stage": "{{SmallMarketLake.ModelReturnsStageId}}", "params": { "universe": "crypto_spot", {{SmallMarketLake.UniverseParams}} } } ]
            }
            """;

        RunRecord run = await market.Host.RunAsync(manifest, runId: "sneaky-1");

        Assert.Equal(RunStatus.Failed, run.Status);
        NodeState node = Assert.Single(run.Nodes);
        Assert.Equal(NodeStatus.Failed, node.Status);
        Assert.Equal(typeof(LakeAccessDeniedException).FullName, node.Error!.Type);
        Assert.Equal(ErrorCodes.LakeAccessDenied.Value, node.Error.Code);
        Assert.Contains("silver/crypto_spot/sneaky/version=1.0.0/returns", node.Error.Message, StringComparison.Ordinal);
        await foreach (LakeObjectInfo info in market.Host.Lake.ListAsync(LakePath.Parse("silver/crypto_spot/sneaky")))
        {
            Assert.Fail($"a model pipeline wrote {info.Path}");
        }
    }
}
