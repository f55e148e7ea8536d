using QuantFunctions.Core.Reporting;

namespace QuantFunctions.Core.Tests.Reporting;

public sealed class RollingStatisticsTests
{
    // r = 0.01, −0.02, 0.03, 0.00; window 3; P = 4 (√P = 2). Hand calculation:
    // window 0: mean 0.02/3, squared deviations sum 0.00126667, sample σ = √(0.00126667/2) = 0.0251661;
    //           downside √(0.0004/3) = 0.0115470.
    // window 1: mean 0.01/3, the same σ and downside.
    private static readonly double[] R = [0.01, -0.02, 0.03, 0.00];

    [Fact]
    public void Volatility_HandCalculation()
    {
        double[] v = RollingStatistics.Volatility(R, 3, 4);
        Assert.Equal(2, v.Length);
        Assert.Equal(0.050332229568, v[0], 1e-10); // 0.0251661 × 2
        Assert.Equal(0.050332229568, v[1], 1e-10);
    }

    [Fact]
    public void SharpeAndSortino_HandCalculation()
    {
        double[] sharpe = RollingStatistics.Sharpe(R, 3, 4), sortino = RollingStatistics.Sortino(R, 3, 4);
        Assert.Equal(0.529812942826, sharpe[0], 1e-10); // (0.02/3) / 0.0251661 × 2
        Assert.Equal(0.264906471413, sharpe[1], 1e-10); // (0.01/3) / 0.0251661 × 2
        Assert.Equal(1.154700538379, sortino[0], 1e-10); // (0.02/3) / 0.0115470 × 2 = 2/√3
        Assert.Equal(0.577350269190, sortino[1], 1e-10); // 1/√3
    }

    [Fact]
    public void Beta_OfAnAffineBenchmark_IsTheInverseSlope()
    {
        // b = 2r + 0.001 ⇒ cov(r, b) = 2 var(r), var(b) = 4 var(r) ⇒ β = 0.5 exactly (up to rounding).
        double[] b = new double[R.Length];
        for (int i = 0; i < R.Length; i++)
        {
            b[i] = (2 * R[i]) + 0.001;
        }

        double[] beta = RollingStatistics.Beta(R, b, 3);

        Assert.All(beta, x => Assert.Equal(0.5, x, 1e-12));
    }

    [Fact]
    public void Rolling_WindowLongerThanSeries_Empty() => Assert.Empty(RollingStatistics.Volatility(R, 5, 4));
}
