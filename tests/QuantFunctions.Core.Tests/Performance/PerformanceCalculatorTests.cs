using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Performance;
using QuantFunctions.Core.Tests.Market;

namespace QuantFunctions.Core.Tests.Performance;

public sealed class PerformanceCalculatorTests
{
    private static readonly double[] R = [0.1, -0.05, 0.02, -0.1, 0.05];

    [Fact]
    public void Compute_FiveReturns_MatchesHandCalculation()
    {
        PerformanceMetrics m = PerformanceCalculator.Compute(R, new PerformanceOptions { PeriodsPerYear = 252 }, [1.0, 0, 0, 0.5, 0]);

        // Hand calculation: equity 1.1, 1.045, 1.0659, 0.95931, 1.0072755; peak 1.1 → MDD = 0.95931/1.1 − 1.
        double total = (1.1 * 0.95 * 1.02 * 0.9 * 1.05) - 1;
        double mean = 0.02 / 5, var = ((0.096 * 0.096) + (0.054 * 0.054) + (0.016 * 0.016) + (0.104 * 0.104) + (0.046 * 0.046)) / 4;
        Approx.Abs(total, m.TotalReturn, 1e-15, "total");
        Approx.Rel(Math.Pow(1 + total, 252.0 / 5) - 1, m.Cagr, 1e-13, "cagr");
        Approx.Rel(Math.Sqrt(var * 252), m.Volatility, 1e-13, "volatility");
        Approx.Rel(mean / Math.Sqrt(var) * Math.Sqrt(252), m.Sharpe, 1e-13, "sharpe");
        Approx.Rel(mean / Math.Sqrt((0.0025 + 0.01) / 5) * Math.Sqrt(252), m.Sortino, 1e-13, "sortino");
        Approx.Rel((0.95931 / 1.1) - 1, m.MaxDrawdown, 1e-13, "max drawdown");
        Approx.Rel(0.17 / 0.15, m.Omega, 1e-13, "omega");
        Approx.Rel(0.6, m.WinRate, 1e-15, "win rate");
        Approx.Rel(1.5 / (5 / 252.0), m.AnnualTurnover, 1e-13, "turnover");
        double[] dd = [0, -0.05, 1.0659 / 1.1 - 1, 0.95931 / 1.1 - 1, 1.0072755 / 1.1 - 1];
        Approx.Rel(Math.Sqrt(dd.Sum(d => d * d) / 4), m.UlcerIndex, 1e-13, "ulcer");

        // Parametric VaR 95: μ + σ·Φ⁻¹(0.05), Φ⁻¹(0.05) = −1.6448536269514722 (standard normal table)
        // = 0.004 − 1.6449·0.07956 ≈ −0.1269: no return lies below, so CVaR falls back to VaR (as quantstats does).
        Approx.Rel(mean + (Math.Sqrt(var) * -1.6448536269514722), m.ValueAtRisk, 1e-12, "VaR");
        Assert.Equal(m.ValueAtRisk, m.ConditionalValueAtRisk);
        Assert.Equal(m.Cagr / Math.Abs(m.MaxDrawdown), m.Calmar);
    }

    [Fact]
    public void ToReturns_EquityFromReturns_RoundTripsWithinRounding()
    {
        double[] equity = new double[R.Length], back = new double[R.Length];
        EquityCurve.FromReturns(R, equity);
        EquityCurve.ToReturns(equity, back);
        for (int i = 0; i < R.Length; i++)
        {
            Approx.Abs(R[i], back[i], 1e-15, $"r[{i}]");
        }

        Assert.Throws<DomainValidationException>(() => EquityCurve.ToReturns([1.0, 0.0], new double[2]));
    }

    [Fact]
    public void Compute_NaNReturn_ThrowsRatherThanZeroFilling()
    {
        var ex = Assert.Throws<DomainValidationException>(() => PerformanceCalculator.Compute([0.01, double.NaN, 0.02], new PerformanceOptions()));
        Assert.Equal(ErrorCodes.NonFiniteValue, ex.Code);
        Assert.Contains("index 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ConstantReturns_RatiosWithZeroDenominatorAreNaN()
    {
        PerformanceMetrics m = PerformanceCalculator.Compute([0.01, 0.01, 0.01], new PerformanceOptions());
        Assert.True(double.IsNaN(m.Sharpe));
        Assert.True(double.IsNaN(m.Sortino));
        Assert.True(double.IsNaN(m.Calmar));
        Assert.Equal(0, m.MaxDrawdown);
        Assert.True(double.IsNaN(m.AnnualTurnover));
    }

    [Fact]
    public void Compute_InvalidOptions_Throws()
    {
        Assert.Throws<DomainValidationException>(() => PerformanceCalculator.Compute(R, new PerformanceOptions { PeriodsPerYear = 0 }));
        Assert.Throws<DomainValidationException>(() => PerformanceCalculator.Compute(R, new PerformanceOptions { VarConfidence = 1 }));
    }
}
