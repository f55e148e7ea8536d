using QuantFunctions.Core.Features;

namespace QuantFunctions.Core.Tests.Features;

public sealed class RsiTests
{
    // Wilder's RSI worksheet as reproduced by StockCharts ChartSchool ("Relative Strength Index (RSI)", 14-day
    // example, closes from 44.34). StockCharts prints 70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06,
    // 62.38, 54.71, 50.42, 39.99, 41.46, 41.87, 45.46, 37.30, 33.08, 37.77, computed from averages rounded to two
    // decimals. By hand from the raw changes: 14 changes with gains 3.34 and losses 1.40, RS = 3.34/1.40,
    // RSI = 100 − 100/(1 + 2.3857) = 70.4641 (the rounding explains the 0.07 difference).
    private static readonly double[] Closes =
    [
        44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08, 45.89, 46.03, 45.61, 46.28, 46.28, 46.00,
        46.03, 46.41, 46.22, 45.64, 46.21, 46.25, 45.71, 46.45, 45.78, 45.35, 44.03, 44.18, 44.22, 44.57, 43.42, 42.66, 43.13,
    ];

    private static readonly double[] Published =
    [
        70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38, 54.71, 50.42, 39.99, 41.46, 41.87, 45.46,
        37.30, 33.08, 37.77,
    ];

    [Fact]
    public void Compute_WilderStockChartsWorksheet_MatchesPublishedValues()
    {
        var rsi = TestBars.Run(Closes.Length, d => Rsi.Compute(Closes, 14, d));
        for (int t = 0; t < 14; t++)
        {
            Assert.True(double.IsNaN(rsi[t]));
        }

        // Exact first value by hand (tolerance 1e-4).
        Assert.Equal(70.4641, rsi[14], 4);

        // Published values: tolerance 0.12 covers StockCharts' two-decimal rounding of the intermediate averages.
        for (int i = 0; i < Published.Length; i++)
        {
            Assert.InRange(rsi[14 + i], Published[i] - 0.12, Published[i] + 0.12);
        }
    }

    [Fact]
    public void Compute_OnlyGainsOrFlat_Returns100Or50()
    {
        // Definition: avgLoss = 0 gives RSI 100 (or 50 for a flat window).
        double[] rising = [1, 2, 3, 4, 5];
        double[] flat = [5, 5, 5, 5, 5];
        Assert.Equal(100.0, TestBars.Run(5, d => Rsi.Compute(rising, 3, d))[4]);
        Assert.Equal(50.0, TestBars.Run(5, d => Rsi.Compute(flat, 3, d))[4]);
    }
}
