using QuantFunctions.Core.Features;

namespace QuantFunctions.Core.Tests.Features;

public sealed class RiskStatisticsTests
{
    [Fact]
    public void RollingMoments_HandCase_MatchesPopulationMoments()
    {
        // Hand calculation on 1, 2, 3, 4, 10 (mean 4, deviations −3, −2, −1, 0, 6):
        // m2 = 50/5 = 10, m3 = 180/5 = 36, m4 = 1394/5 = 278.8;
        // sample sd = √(50/4) = 3.5355339; g1 = 36/10^1.5 = 1.1384200; g2 = 278.8/100 − 3 = −0.212.
        double[] x = [1, 2, 3, 4, 10];
        double[] vol = new double[5], skew = new double[5], kurt = new double[5];
        RollingMoments.Compute(x, 5, vol, skew, kurt);
        Assert.True(double.IsNaN(vol[3]) && double.IsNaN(skew[3]) && double.IsNaN(kurt[3]));
        Assert.Equal(3.5355339, vol[4], 7);
        Assert.Equal(1.1384200, skew[4], 7);
        Assert.Equal(-0.212, kurt[4], 10);

        // Annualisation multiplies by √P: P = 252 → 3.5355339·15.8745079 = 56.1248608.
        RollingMoments.Compute(x, 5, vol, skew, kurt, periodsPerYear: 252);
        Assert.Equal(56.1248608, vol[4], 6);
    }

    [Fact]
    public void RollingMoments_LongRandomSeries_MatchesTwoPassReference()
    {
        // Reference: direct two-pass moments per window; the running sums must agree to 1e-9 (relative to the value).
        double[] x = TestBars.Noise(3000, seed: 11);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = 0.001 + (0.02 * x[i]);
        }

        const int W = 60;
        double[] vol = new double[x.Length], skew = new double[x.Length], kurt = new double[x.Length];
        RollingMoments.Compute(x, W, vol, skew, kurt);
        for (int t = W - 1; t < x.Length; t += 37)
        {
            double mean = 0;
            for (int i = t - W + 1; i <= t; i++)
            {
                mean += x[i] / W;
            }

            double m2 = 0, m3 = 0, m4 = 0;
            for (int i = t - W + 1; i <= t; i++)
            {
                double d = x[i] - mean;
                m2 += d * d / W;
                m3 += d * d * d / W;
                m4 += d * d * d * d / W;
            }

            Assert.Equal(Math.Sqrt(m2 * W / (W - 1)), vol[t], 1e-9 * vol[t]);
            Assert.Equal(m3 / Math.Pow(m2, 1.5), skew[t], 1e-8);
            Assert.Equal((m4 / (m2 * m2)) - 3, kurt[t], 1e-8);
        }
    }

    [Fact]
    public void RollingMoments_ConstantWindow_HasZeroVolatilityAndUndefinedShape()
    {
        double[] x = [0.01, 0.05, 0.02, 0.02, 0.02, 0.02];
        double[] vol = new double[6], skew = new double[6], kurt = new double[6];
        RollingMoments.Compute(x, 3, vol, skew, kurt);
        Assert.Equal(0.0, vol[5]);
        Assert.True(double.IsNaN(skew[5]) && double.IsNaN(kurt[5]));
    }

    [Fact]
    public void HistoricalCvar_HandCase_AveragesWorstTail()
    {
        // Hand calculation over 10 returns; sorted tail: −0.05, −0.03, −0.02, ...
        // α = 0.80 → k = ⌈0.2·10⌉ = 2 → CVaR = (0.05 + 0.03)/2 = 0.04; α = 0.95 → k = 1 → 0.05; α = 0.70 → k = 3 → 0.0333333.
        double[] r = [0.01, -0.02, 0.03, -0.05, 0.00, 0.02, -0.01, 0.04, -0.03, 0.01];
        Assert.Equal(0.04, TestBars.Run(10, d => HistoricalCvar.Compute(r, 10, 0.80, d))[9], 12);
        Assert.Equal(0.05, TestBars.Run(10, d => HistoricalCvar.Compute(r, 10, 0.95, d))[9], 12);
        Assert.Equal(0.1 / 3, TestBars.Run(10, d => HistoricalCvar.Compute(r, 10, 0.70, d))[9], 12);
    }

    [Fact]
    public void HistoricalCvar_Rolling_MatchesSortedWindowReference()
    {
        // Reference: sort each window independently and average the k worst (exact up to summation order, 1e-12).
        double[] r = TestBars.Noise(600, seed: 5);
        const int W = 50;
        var cvar = TestBars.Run(r.Length, d => HistoricalCvar.Compute(r, W, 0.9, d));
        int k = HistoricalCvar.TailCount(W, 0.9);
        Assert.Equal(5, k);
        for (int t = W - 1; t < r.Length; t++)
        {
            double[] window = r[(t - W + 1)..(t + 1)];
            Array.Sort(window);
            double expected = 0;
            for (int i = 0; i < k; i++)
            {
                expected -= window[i] / k;
            }

            Assert.Equal(expected, cvar[t], 12);
        }
    }

    [Fact]
    public void HistoricalCvar_LevelOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HistoricalCvar.Compute([0.1, 0.2], 2, 1.0, new double[2]));
}
