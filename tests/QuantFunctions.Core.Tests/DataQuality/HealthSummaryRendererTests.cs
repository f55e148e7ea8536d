using QuantFunctions.Core.DataQuality;

namespace QuantFunctions.Core.Tests.DataQuality;

public sealed class HealthSummaryRendererTests
{
    [Fact]
    public void Render_MixedResults_ListsStatusesAndCountsByRule()
    {
        var ts = new DateTimeOffset(2024, 5, 6, 0, 0, 0, TimeSpan.Zero);
        SymbolHealth[] results =
        [
            new("BINANCE:BTCUSDT", HealthStatus.Healthy, []),
            new("BINANCE:NEWUSDT", HealthStatus.Degraded, [new HealthReason(HealthRule.SecularHistory, HealthStatus.Degraded, "200 days", ts)]),
            new("BINANCE:SCAM|USDT", HealthStatus.Dropped,
            [
                new HealthReason(HealthRule.Toxicity, HealthStatus.Dropped, "daily return 600 %", ts),
                new HealthReason(HealthRule.Toxicity, HealthStatus.Dropped, "daily return -90 %", ts.AddDays(1)),
            ]),
        ];

        string md = HealthSummaryRenderer.Render(results);
        Assert.Contains("3 symbols: 1 HEALTHY, 1 DEGRADED, 1 DROPPED.", md, StringComparison.Ordinal);
        Assert.Contains("| Toxicity | 1 | 2 |", md, StringComparison.Ordinal);
        Assert.Contains("| SecularHistory | 1 | 1 |", md, StringComparison.Ordinal);
        Assert.Contains("| BINANCE:BTCUSDT | HEALTHY | — |", md, StringComparison.Ordinal);
        Assert.Contains("| BINANCE:SCAM\\|USDT | DROPPED | Toxicity @ 2024-05-06: daily return 600 %<br>Toxicity @ 2024-05-07", md, StringComparison.Ordinal);
    }
}
