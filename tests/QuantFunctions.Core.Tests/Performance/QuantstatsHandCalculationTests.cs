using QuantFunctions.Core.Performance;
using QuantFunctions.Core.Tests.Market;

namespace QuantFunctions.Core.Tests.Performance;

/// <summary>
/// The metrics the quantstats refcase does not cover, on a ten-day dated series worked out by hand with the
/// quantstats 0.0.81 formula of each (stats.py function named in each assertion). Tolerance: rel 1e-12 unless
/// stated (the hand values are exact decimal arithmetic; the difference is floating-point rounding only).
/// </summary>
public sealed class QuantstatsHandCalculationTests
{
    // Dec 2020 (2 days), Jan 2021 (4 days), Feb 2021 (4 days); one zero return.
    private static readonly DateOnly[] Dates =
    [
        new(2020, 12, 30), new(2020, 12, 31), new(2021, 1, 4), new(2021, 1, 5), new(2021, 1, 6),
        new(2021, 1, 29), new(2021, 2, 1), new(2021, 2, 2), new(2021, 2, 3), new(2021, 2, 4),
    ];

    private static readonly double[] R = [0.02, -0.01, 0.00, 0.03, -0.02, -0.015, 0.01, 0.04, 0.05, -0.03];

    private static PerformanceMetrics Metrics() => PerformanceCalculator.Compute(R, Dates, new PerformanceOptions());

    [Fact]
    public void Compute_TenDays_WinLossRatiosMatchHandCalculation()
    {
        PerformanceMetrics m = Metrics();

        // 5 wins (Σ 0.15), 4 losses (Σ −0.075), 1 zero; Σ r = 0.075.
        const double Rel = 1e-12;
        Approx.Rel(5.0 / 9, m.WinRate, Rel, "win_rate: positive / non-zero");
        Approx.Rel(0.9, m.Exposure, Rel, "exposure: ceil(9/10·100)/100");
        Approx.Rel(0.075 / 9, m.AverageReturn, Rel, "avg_return: mean of non-zero");
        Approx.Rel(0.03, m.AverageWin, Rel, "avg_win");
        Approx.Rel(-0.01875, m.AverageLoss, Rel, "avg_loss");
        Approx.Rel(0.03 / 0.01875, m.PayoffRatio, Rel, "payoff_ratio = 1.6");
        Approx.Rel(0.15 / 0.075, m.ProfitFactor, Rel, "profit_factor = Σ r≥0 / |Σ r<0| = 2");
        Approx.Rel(0.075 / 0.075, m.GainToPain, Rel, "gain_to_pain_ratio = Σ r / |Σ r<0| = 1");
        Approx.Rel(2.0 * (5.0 / 9) * 1.6, m.CpcIndex, Rel, "cpc_index = PF · win rate · payoff");
        Approx.Rel(((1.6 * 5 / 9) - (4.0 / 9)) / 1.6, m.KellyCriterion, Rel, "kelly_criterion = (b·p − q)/b = 0.2777…");
        Approx.Rel(Math.Pow((4.0 / 9) / (14.0 / 9), 10), m.RiskOfRuin, Rel, "risk_of_ruin = ((1 − p)/(1 + p))^N");
        Assert.Equal(3, m.ConsecutiveWins);   // 0.01, 0.04, 0.05
        Assert.Equal(2, m.ConsecutiveLosses); // −0.02, −0.015
        Assert.Equal(0.05, m.BestDay);
        Assert.Equal(-0.03, m.WorstDay);
    }

    [Fact]
    public void Compute_TenDays_QuantileRatiosMatchHandCalculation()
    {
        PerformanceMetrics m = Metrics();

        // Sorted: −0.03, −0.02, −0.015, −0.01, 0, 0.01, 0.02, 0.03, 0.04, 0.05; linear quantile at h = 9q:
        // q95: h = 8.55 → 0.04 + 0.55·0.01 = 0.0455; q05: h = 0.45 → −0.03 + 0.45·0.01 = −0.0255;
        // q99: h = 8.91 → 0.0491; q01: h = 0.09 → −0.0291.
        const double Rel = 1e-12;
        Approx.Rel(0.0455 / 0.0255, m.TailRatio, Rel, "tail_ratio = |q95/q05|");
        Approx.Rel(2.0 * 0.0455 / 0.0255, m.CommonSenseRatio, Rel, "common_sense_ratio = PF · tail");
        Approx.Rel(0.0491 / (0.15 / 6), m.OutlierWinRatio, Rel, "outlier_win_ratio = q99 / mean(r ≥ 0) (6 values incl. the zero)");
        Approx.Rel(-0.0291 / -0.01875, m.OutlierLossRatio, Rel, "outlier_loss_ratio = q01 / mean(r < 0)");
    }

    [Fact]
    public void Compute_TenDays_CalendarMetricsMatchHandCalculation()
    {
        PerformanceMetrics m = Metrics();

        // Months compounded: Dec 1.02·0.99 − 1 = 0.0098; Jan 1.03·0.98·0.985 − 1 = −0.005741;
        // Feb 1.01·1.04·1.05·0.97 − 1 = 0.0698324. Monthly sums: 0.01, −0.005, 0.07.
        const double Rel = 1e-12;
        double jan = (1.03 * 0.98 * 0.985) - 1, feb = (1.01 * 1.04 * 1.05 * 0.97) - 1;
        Approx.Rel(feb, m.BestMonth, Rel, "best month");
        Approx.Rel(jan, m.WorstMonth, Rel, "worst month");
        Approx.Rel(2.0 / 3, m.WinRateMonthly, Rel, "win month");
        Approx.Rel(1.0, m.WinRateQuarterly, Rel, "win quarter: Q4 2020 +0.98 %, Q1 2021 +6.4 %");
        Approx.Rel(1.0, m.WinRateYearly, Rel, "win year");
        Approx.Rel(((1 + jan) * (1 + feb)) - 1, m.BestYear, Rel, "best year = 2021");
        Approx.Rel(0.0098, m.WorstYear, Rel, "worst year = 2020");
        Approx.Rel(0.075 / 0.005, m.GainToPainMonthly, 1e-10, "gain_to_pain_ratio(resolution='ME') = Σ / |Σ negative months| = 15");
        Assert.Equal([2020, 2021], m.AnnualReturns.Select(y => y.Start.Year));
    }

    [Fact]
    public void Compute_TenDays_DrawdownDetailsMatchHandCalculation()
    {
        PerformanceMetrics m = Metrics();

        // Drawdowns from the running peak (starting equity 1): 0, −0.01, −0.01, 0, −0.02, 0.98·0.985 − 1 = −0.0347,
        // 0.98·0.985·1.01 − 1, 0, 0, −0.03 → episodes Dec 31–Jan 4 (5 days, −1 %), Jan 6–Feb 1 (27 days, valley
        // Jan 29 at −3.47 %), Feb 4 (1 day, −3 %), as drawdown_details reports them.
        double[] dd = [0, -0.01, -0.01, 0, -0.02, (0.98 * 0.985) - 1, (0.98 * 0.985 * 1.01) - 1, 0, 0, -0.03];
        const double Rel = 1e-12;
        Approx.Rel(-0.0347, m.MaxDrawdown, Rel, "max drawdown");
        Assert.Equal(new DateOnly(2021, 1, 29), m.MaxDrawdownDate);
        Assert.Equal(new DateOnly(2021, 1, 6), m.MaxDrawdownStart);
        Assert.Equal(new DateOnly(2021, 2, 1), m.MaxDrawdownEnd);
        Assert.Equal(27, m.LongestDrawdownDays);
        Assert.Equal(3, m.LongestDrawdownPeriods);
        Assert.Equal(3, m.DrawdownEpisodes);
        Approx.Rel((-0.01 - 0.0347 - 0.03) / 3, m.AverageDrawdown, Rel, "avg drawdown: mean of the episodes' maxima");
        Approx.Rel((5 + 27 + 1) / 3.0, m.AverageDrawdownDays, Rel, "avg drawdown days");
        Approx.Rel(0.075 / 0.0347, m.RecoveryFactor, Rel, "recovery_factor = |Σ r| / |MDD|");
        double ulcer = Math.Sqrt(dd.Sum(d => d * d) / 9);
        Approx.Rel(ulcer, m.UlcerIndex, Rel, "ulcer_index = √(Σ DD² / (N − 1))");

        // serenity_index: CVaR of the drawdown series: parametric VaR μ_dd + σ_dd·Φ⁻¹(0.05) (Φ⁻¹(0.05) =
        // −1.6448536269514722, normal table), then the mean of the drawdowns below it; pitfall = −CVaR/σ(r).
        double ddMean = dd.Average(), ddStd = Math.Sqrt(dd.Sum(d => (d - ddMean) * (d - ddMean)) / 9);
        double ddVar = ddMean + (ddStd * -1.6448536269514722);
        double[] below = [.. dd.Where(d => d < ddVar)];
        double ddCvar = below.Length > 0 ? below.Average() : ddVar;
        double rMean = R.Average(), rStd = Math.Sqrt(R.Sum(r => (r - rMean) * (r - rMean)) / 9);
        Approx.Rel(0.075 / (ulcer * (-ddCvar / rStd)), m.SerenityIndex, 1e-10, "serenity_index (via Φ⁻¹: rel 1e-10)");
    }

    [Fact]
    public void Compute_UndatedSeries_CalendarMetricsAreNaNAndDrawdownDatesNull()
    {
        PerformanceMetrics m = PerformanceCalculator.Compute(R, new PerformanceOptions());

        Assert.True(double.IsNaN(m.BestMonth) && double.IsNaN(m.WinRateYearly) && double.IsNaN(m.GainToPainMonthly));
        Assert.Null(m.MaxDrawdownDate);
        Assert.Null(m.LongestDrawdownDays);
        Assert.Equal(3, m.LongestDrawdownPeriods);
        Assert.Empty(m.AnnualReturns);
        Assert.Equal(Metrics().Sharpe, m.Sharpe); // the period metrics do not depend on dates
    }

    [Fact]
    public void Compute_SevenOfHundredNonZero_ExposureRoundsUpAsQuantstats()
    {
        // exposure = ceil(0.07 · 100) / 100; 0.07 · 100 is 7.000000000000001 in binary floating point, so
        // quantstats reports 8 % — reproduced exactly (documented in docs/metrics.md).
        double[] r = new double[100];
        for (int i = 0; i < 7; i++)
        {
            r[i * 10] = 0.01;
        }

        Assert.Equal(0.08, PerformanceCalculator.Compute(r, new PerformanceOptions()).Exposure);
    }

    [Fact]
    public void Compute_ExcelReferenceSample_SkewAndKurtosisMatch()
    {
        // Microsoft's documented examples of SKEW and KURT (the same bias-corrected G1 and G2 as pandas' skew and
        // kurt): data 3,4,5,2,3,4,5,6,4,7 → SKEW 0.359543071, KURT −0.151799637 (9 significant digits: rel 1e-8).
        double[] x = [3, 4, 5, 2, 3, 4, 5, 6, 4, 7];
        double[] r = [.. x.Select(v => v / 100)]; // scaling by 1/100 leaves both moments unchanged
        PerformanceMetrics m = PerformanceCalculator.Compute(r, new PerformanceOptions());
        Approx.Rel(0.359543071, m.Skew, 1e-8, "skew");
        Approx.Rel(-0.151799637, m.Kurtosis, 1e-8, "kurtosis");
    }

    [Fact]
    public void Compute_FourReturns_SmartRatiosApplyTheAutocorrelationPenalty()
    {
        // autocorr_penalty: ρ = |corr(x[:-1], x[1:])|; penalty = √(1 + 2 Σ_{k=1}^{3} ((4 − k)/4) ρᵏ).
        // x[:-1] = 0.01, −0.02, 0.03 (mean 0.00667), x[1:] = −0.02, 0.03, −0.01 (mean 0):
        // deviations (0.00333, −0.02667, 0.02333) and (−0.02, 0.03, −0.01):
        // Sxy = −0.0000667 − 0.0008 − 0.000233 = −0.0011, Sxx = 0.0012667, Syy = 0.0014 → ρ = 0.0011/√(0.0012667·0.0014) = 0.826033
        double[] r = [0.01, -0.02, 0.03, -0.01];
        double sxy = (0.01 / 3 * -0.02) + (-0.08 / 3 * 0.03) + (0.07 / 3 * -0.01);
        double sxx = Math.Pow(0.01 / 3, 2) + Math.Pow(0.08 / 3, 2) + Math.Pow(0.07 / 3, 2), syy = 0.0004 + 0.0009 + 0.0001;
        double rho = Math.Abs(sxy / Math.Sqrt(sxx * syy));
        double penalty = Math.Sqrt(1 + (2 * ((0.75 * rho) + (0.5 * rho * rho) + (0.25 * rho * rho * rho))));
        PerformanceMetrics m = PerformanceCalculator.Compute(r, new PerformanceOptions());
        Approx.Rel(0.826033, rho, 1e-6, "ρ (hand, 6 digits)");
        Approx.Rel(m.Sharpe / penalty, m.SmartSharpe, 1e-12, "smart_sharpe = sharpe / penalty");
        Approx.Rel(m.Sortino / penalty, m.SmartSortino, 1e-12, "smart_sortino = sortino / penalty");
        Approx.Rel(m.Sortino / Math.Sqrt(2), m.AdjustedSortino, 1e-15, "adjusted_sortino = sortino / √2");
    }
}
