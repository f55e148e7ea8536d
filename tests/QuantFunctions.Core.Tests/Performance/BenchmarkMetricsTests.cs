using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Performance;
using QuantFunctions.Core.Tests.Market;

namespace QuantFunctions.Core.Tests.Performance;

/// <summary>
/// The benchmark metrics (quantstats <c>greeks</c>, <c>r_squared</c>, <c>information_ratio</c>, <c>treynor_ratio</c>, pandas
/// <c>corr</c>): a hand calculation on four periods and properties that any correct implementation keeps.
/// </summary>
public sealed class BenchmarkMetricsTests
{
    private static readonly double[] R = [0.01, 0.02, -0.01, 0.03];
    private static readonly double[] B = [0.005, 0.01, -0.01, 0.02];

    [Fact]
    public void Compute_FourPeriods_MatchesHandCalculation()
    {
        // Means 0.0125 and 0.00625; deviations r: −0.0025, 0.0075, −0.0225, 0.0175; b: −0.00125, 0.00375, −0.01625, 0.01375.
        // Sxy = 0.000003125 + 0.000028125 + 0.000365625 + 0.000240625 = 0.0006375
        // Syy = 0.0000015625 + 0.0000140625 + 0.0002640625 + 0.0001890625 = 0.00046875
        // Sxx = 0.00000625 + 0.00005625 + 0.00050625 + 0.00030625 = 0.000875
        PerformanceMetrics m = PerformanceCalculator.Compute(R, [], new PerformanceOptions { PeriodsPerYear = 252, RiskFreeRate = 0.02 }, B);
        double beta = 0.0006375 / 0.00046875; // 1.36
        const double Rel = 1e-12;
        Assert.True(m.HasBenchmark);
        Approx.Rel(1.36, m.Beta, Rel, "beta = cov/var");
        Approx.Rel((0.0125 - (beta * 0.00625)) * 252, m.Alpha, 1e-11, "alpha = (mean r − β mean b)·252");
        double corr = 0.0006375 / Math.Sqrt(0.000875 * 0.00046875);
        Approx.Rel(corr, m.Correlation, Rel, "correlation");
        Approx.Rel(corr * corr, m.RSquared, Rel, "R²");

        // Active d = 0.005, 0.01, 0, 0.01: mean 0.00625, deviations −0.00125, 0.00375, −0.00625, 0.00375, SS 0.0000687500.
        Approx.Rel(0.00625 / Math.Sqrt(0.00006875 / 3), m.InformationRatio, Rel, "information_ratio = mean(d)/σ(d), not annualised");

        // treynor_ratio = (comp(r) − rf)/β with the annual rf as is.
        Approx.Rel(((1.01 * 1.02 * 0.99 * 1.03) - 1 - 0.02) / beta, m.Treynor, Rel, "treynor");
    }

    [Fact]
    public void Compute_SeriesAgainstItself_BetaCorrelationAndRSquaredAreOne()
    {
        PerformanceMetrics m = PerformanceCalculator.Compute(R, [], new PerformanceOptions(), R);
        Approx.Rel(1, m.Beta, 1e-14, "beta");
        Approx.Rel(1, m.Correlation, 1e-14, "correlation");
        Approx.Rel(1, m.RSquared, 1e-14, "R²");
        Approx.Abs(0, m.Alpha, 1e-15, "alpha");
        Assert.Equal(0, m.InformationRatio); // tracking error 0: quantstats returns 0
    }

    [Fact]
    public void Compute_LeveredAndShiftedBenchmark_BetaIsLeverageAndAlphaIsShift()
    {
        // r = 2b + 0.001 every period: β = 2, α = 0.001·252 = 0.252 per year, R² = 1.
        double[] r = [.. B.Select(b => (2 * b) + 0.001)];
        PerformanceMetrics m = PerformanceCalculator.Compute(r, [], new PerformanceOptions(), B);
        Approx.Rel(2, m.Beta, 1e-12, "beta");
        Approx.Rel(0.252, m.Alpha, 1e-11, "alpha");
        Approx.Rel(1, m.RSquared, 1e-12, "R²");
    }

    [Fact]
    public void Compute_NoBenchmark_BenchmarkMetricsNaNAndNoBenchmarkRows()
    {
        PerformanceMetrics m = PerformanceCalculator.Compute(R, new PerformanceOptions());
        Assert.False(m.HasBenchmark);
        Assert.True(double.IsNaN(m.Beta) && double.IsNaN(m.Alpha) && double.IsNaN(m.Treynor));
        Assert.DoesNotContain(m.Rows(), row => row.Key == "beta");
    }

    [Fact]
    public void Compute_BenchmarkOfOtherLength_ThrowsMisaligned()
    {
        var ex = Assert.Throws<DomainValidationException>(() => PerformanceCalculator.Compute(R, [], new PerformanceOptions(), [0.01, 0.02]));
        Assert.Equal(ErrorCodes.BenchmarkMisaligned, ex.Code);
    }
}
