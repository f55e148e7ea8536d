using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.Features;

public sealed class ChannelAndEfficiencyTests
{
    [Fact]
    public void Donchian_HandCase_TracksRollingExtremes()
    {
        // Hand calculation, window 3: highs 5,7,6,4,3,8 → upper 7,7,6,8; lows 4,5,3,2,2,6 → lower 3,2,2,2;
        // mid = (upper + lower)/2 = 5, 4.5, 4, 5.
        double[] high = [5, 7, 6, 4, 3, 8], low = [4, 5, 3, 2, 2, 6];
        double[] upper = new double[6], lower = new double[6], mid = new double[6];
        Donchian.Compute(high, low, 3, upper, lower, mid);
        Assert.True(double.IsNaN(upper[1]) && double.IsNaN(lower[1]) && double.IsNaN(mid[1]));
        Assert.Equal([7.0, 7.0, 6.0, 8.0], upper[2..]);
        Assert.Equal([3.0, 2.0, 2.0, 2.0], lower[2..]);
        Assert.Equal([5.0, 4.5, 4.0, 5.0], mid[2..]);
    }

    [Fact]
    public void Donchian_RandomWalk_MatchesBruteForce()
    {
        // Reference: brute-force max/min over each window (exact).
        BarSeries bars = TestBars.RandomWalk("TEST:X", 400, seed: 3);
        double[] upper = new double[400], lower = new double[400], mid = new double[400];
        Donchian.Compute(bars.High, bars.Low, 20, upper, lower, mid);
        for (int t = 19; t < 400; t++)
        {
            double hi = double.MinValue, lo = double.MaxValue;
            for (int i = t - 19; i <= t; i++)
            {
                hi = Math.Max(hi, bars.High[i]);
                lo = Math.Min(lo, bars.Low[i]);
            }

            Assert.Equal(hi, upper[t]);
            Assert.Equal(lo, lower[t]);
        }
    }

    [Fact]
    public void EfficiencyRatio_StraightLine_IsOne()
    {
        // Kaufman: net change equals path length on a straight line, so ER = 1 (tolerance 1e-12).
        double[] line = new double[50];
        for (int i = 0; i < line.Length; i++)
        {
            line[i] = 100 - (0.5 * i);
        }

        var er = TestBars.Run(50, d => EfficiencyRatio.Compute(line, 10, d));
        Assert.True(double.IsNaN(er[9]));
        for (int t = 10; t < 50; t++)
        {
            Assert.Equal(1.0, er[t], 12);
        }
    }

    [Fact]
    public void EfficiencyRatio_HandCase_IsNetOverPath()
    {
        // Hand calculation, period 4 on 10, 11, 10, 11, 12: net |12 − 10| = 2, path 1+1+1+1 = 4 → 0.5.
        // Flat prices: zero path → 0 by definition.
        var er = TestBars.Run(5, d => EfficiencyRatio.Compute([10, 11, 10, 11, 12], 4, d));
        Assert.Equal(0.5, er[4], 12);
        Assert.Equal(0.0, TestBars.Run(3, d => EfficiencyRatio.Compute([3, 3, 3], 2, d))[2]);
    }
}
