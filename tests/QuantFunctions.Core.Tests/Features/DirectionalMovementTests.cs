using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.Features;

public sealed class DirectionalMovementTests
{
    private static readonly double[] High = [10, 11, 12, 11.5, 13, 14, 13.5, 15];
    private static readonly double[] Low = [9, 9.5, 10.5, 10, 11.5, 12.5, 12, 13.5];
    private static readonly double[] Close = [9.5, 10.5, 11.5, 10.5, 12.5, 13.5, 12.5, 14.5];

    [Fact]
    public void Compute_HandWorkedPeriod3_MatchesWilderRecursion()
    {
        // Hand calculation with Wilder's rules (period 3):
        // TR = 1.5, 1.5, 1.5, 2.5, 1.5, 1.5, 2.5; +DM = 1, 1, 0, 1.5, 1, 0, 1.5; −DM = 0, 0, 0.5, 0, 0, 0.5, 0.
        // Row 3: TR3 = 4.5, +DM3 = 2, −DM3 = 0.5 → +DI = 44.4444, −DI = 11.1111, DX = 100·33.33/55.56 = 60.
        // Row 4: TR3 = 4.5 − 1.5 + 2.5 = 5.5, +DM3 = 2 − 2/3 + 1.5 = 2.8333 → +DI = 51.5152, −DI = 6.0606, DX = 78.9474.
        // Row 5: +DI = 55.9140, −DI = 4.3011, DX = 85.7143 → ADX = (60 + 78.9474 + 85.7143)/3 = 74.8872.
        // Row 6: DX = 49.6403 → ADX = (2·74.8872 + 49.6403)/3 = 66.4716; row 7: DX = 73.1286 → ADX = 68.6906.
        // (Cross-checked with an independent straight-line script of the same definitions; tolerance 1e-4.)
        int n = Close.Length;
        double[] plus = new double[n], minus = new double[n], adx = new double[n];
        DirectionalMovement.Compute(High, Low, Close, 3, plus, minus, adx);
        Assert.True(double.IsNaN(plus[2]) && double.IsNaN(minus[2]) && double.IsNaN(adx[4]));
        Assert.Equal(44.4444, plus[3], 4);
        Assert.Equal(11.1111, minus[3], 4);
        Assert.Equal(51.5152, plus[4], 4);
        Assert.Equal(6.0606, minus[4], 4);
        Assert.Equal(74.8872, adx[5], 4);
        Assert.Equal(66.4716, adx[6], 4);
        Assert.Equal(68.6906, adx[7], 4);
    }

    [Fact]
    public void Compute_RandomWalk_StaysInZeroToHundred()
    {
        // Invariant (Wilder): DI and ADX are percentages.
        BarSeries bars = TestBars.RandomWalk("TEST:X", 500, seed: 7);
        double[] plus = new double[500], minus = new double[500], adx = new double[500];
        DirectionalMovement.Compute(bars.High, bars.Low, bars.Close, 14, plus, minus, adx);
        for (int t = 27; t < 500; t++)
        {
            Assert.InRange(adx[t], 0, 100);
            Assert.InRange(plus[t], 0, 100);
            Assert.InRange(minus[t], 0, 100);
        }
    }
}
