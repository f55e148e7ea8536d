namespace QuantFunctions.Core.Performance;

/// <summary>
/// quantstats' metric set of one return series (formulas in <see cref="PerformanceCalculator"/> and
/// docs/metrics.md). Returns, rates and drawdowns are fractions (0.05 = 5 %). A metric that is undefined
/// for the series (a zero denominator, no benchmark, no dates) is NaN or null. <see cref="Rows"/> gives
/// the same values as an ordered name/value list for tables.
/// </summary>
public sealed partial record PerformanceMetrics
{
    /// <summary>The number of periods.</summary>
    public required int Observations { get; init; }

    /// <summary>The first date; null for an undated series.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>The last date; null for an undated series.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>Time in market: the share of non-zero returns, rounded up to a whole percent (quantstats <c>exposure</c>).</summary>
    public required double Exposure { get; init; }

    /// <summary>Cumulative return <c>Π(1 + r) − 1</c> (<c>Σ r</c> when not compounded).</summary>
    public required double TotalReturn { get; init; }

    /// <summary>Compound annual growth rate <c>(1 + total)^(P/N) − 1</c> (years = N/P); the risk-free rate is not subtracted.</summary>
    public required double Cagr { get; init; }

    /// <summary>Annualised volatility <c>σ·√P</c> (sample standard deviation).</summary>
    public required double Volatility { get; init; }

    /// <summary>Annualised Sharpe ratio of excess returns.</summary>
    public required double Sharpe { get; init; }

    /// <summary>Sharpe ratio with the autocorrelation penalty in the denominator.</summary>
    public required double SmartSharpe { get; init; }

    /// <summary>Annualised Sortino ratio (downside deviation over all N periods).</summary>
    public required double Sortino { get; init; }

    /// <summary>Sortino ratio with the autocorrelation penalty.</summary>
    public required double SmartSortino { get; init; }

    /// <summary>Sortino / √2 (Schwager's adjustment, comparable with Sharpe).</summary>
    public required double AdjustedSortino { get; init; }

    /// <summary>Omega ratio at a zero threshold on excess returns.</summary>
    public required double Omega { get; init; }

    /// <summary>Maximum drawdown (≤ 0).</summary>
    public required double MaxDrawdown { get; init; }

    /// <summary>Date of the deepest point of the maximum drawdown; null when undated or never in drawdown.</summary>
    public DateOnly? MaxDrawdownDate { get; init; }

    /// <summary>First date of the maximum drawdown's episode; null when undated or never in drawdown.</summary>
    public DateOnly? MaxDrawdownStart { get; init; }

    /// <summary>Last date of the maximum drawdown's episode (before recovery); null when undated or never in drawdown.</summary>
    public DateOnly? MaxDrawdownEnd { get; init; }

    /// <summary>Calendar days of the longest drawdown episode; 0 when never in drawdown, null when undated.</summary>
    public int? LongestDrawdownDays { get; init; }

    /// <summary>Periods of the longest drawdown episode (dated or not); 0 when never in drawdown.</summary>
    public required int LongestDrawdownPeriods { get; init; }

    /// <summary>Mean of the episodes' deepest drawdowns (≤ 0); 0 when never in drawdown.</summary>
    public required double AverageDrawdown { get; init; }

    /// <summary>Mean calendar days of the drawdown episodes; 0 when never in drawdown, NaN when undated.</summary>
    public required double AverageDrawdownDays { get; init; }

    /// <summary>The number of drawdown episodes.</summary>
    public required int DrawdownEpisodes { get; init; }

    /// <summary>Calmar ratio, CAGR / |max drawdown|.</summary>
    public required double Calmar { get; init; }

    /// <summary>Recovery factor <c>|Σ r| / |max drawdown|</c>.</summary>
    public required double RecoveryFactor { get; init; }

    /// <summary>Ulcer index <c>√(Σ DD² / (N − 1))</c>.</summary>
    public required double UlcerIndex { get; init; }

    /// <summary>Serenity index <c>(Σ r − rf) / (ulcer · pitfall)</c>, pitfall = −CVaR(drawdowns) / σ(r).</summary>
    public required double SerenityIndex { get; init; }

    /// <summary>Skewness (bias-corrected, as pandas' <c>skew</c>).</summary>
    public required double Skew { get; init; }

    /// <summary>Excess kurtosis (bias-corrected, as pandas' <c>kurt</c>).</summary>
    public required double Kurtosis { get; init; }

    /// <summary>Parametric (Gaussian) value at risk of one period: <c>μ + σ·Φ⁻¹(1 − confidence)</c>.</summary>
    public required double ValueAtRisk { get; init; }

    /// <summary>Conditional VaR: the mean of the returns below <see cref="ValueAtRisk"/> (VaR itself when none).</summary>
    public required double ConditionalValueAtRisk { get; init; }

    /// <summary>Tail ratio <c>|q₀.₉₅ / q₀.₀₅|</c>.</summary>
    public required double TailRatio { get; init; }

    /// <summary>Gain/pain ratio <c>Σ r / |Σ r⁻|</c> on periods.</summary>
    public required double GainToPain { get; init; }

    /// <summary>Gain/pain ratio on monthly sums of returns; NaN when undated.</summary>
    public required double GainToPainMonthly { get; init; }

    /// <summary>Payoff (win/loss) ratio: mean positive return / |mean negative return|.</summary>
    public required double PayoffRatio { get; init; }

    /// <summary>Profit factor <c>Σ r≥0 / |Σ r&lt;0|</c> (+∞ without losses, 0 with neither).</summary>
    public required double ProfitFactor { get; init; }

    /// <summary>Common sense ratio: profit factor × tail ratio.</summary>
    public required double CommonSenseRatio { get; init; }

    /// <summary>CPC index: profit factor × win rate × payoff ratio.</summary>
    public required double CpcIndex { get; init; }

    /// <summary>Outlier win ratio: <c>q₀.₉₉ / mean(r ≥ 0)</c>.</summary>
    public required double OutlierWinRatio { get; init; }

    /// <summary>Outlier loss ratio: <c>q₀.₀₁ / mean(r &lt; 0)</c>.</summary>
    public required double OutlierLossRatio { get; init; }

    /// <summary>Mean of the non-zero returns.</summary>
    public required double AverageReturn { get; init; }

    /// <summary>Mean of the positive returns.</summary>
    public required double AverageWin { get; init; }

    /// <summary>Mean of the negative returns.</summary>
    public required double AverageLoss { get; init; }

    /// <summary>Best single period.</summary>
    public required double BestDay { get; init; }

    /// <summary>Worst single period.</summary>
    public required double WorstDay { get; init; }

    /// <summary>Best calendar month; NaN when undated.</summary>
    public required double BestMonth { get; init; }

    /// <summary>Worst calendar month; NaN when undated.</summary>
    public required double WorstMonth { get; init; }

    /// <summary>Best calendar year; NaN when undated.</summary>
    public required double BestYear { get; init; }

    /// <summary>Worst calendar year; NaN when undated.</summary>
    public required double WorstYear { get; init; }

    /// <summary>The share of positive returns among non-zero returns (0 when all are zero).</summary>
    public required double WinRate { get; init; }

    /// <summary>Win rate of calendar months; NaN when undated.</summary>
    public required double WinRateMonthly { get; init; }

    /// <summary>Win rate of calendar quarters; NaN when undated.</summary>
    public required double WinRateQuarterly { get; init; }

    /// <summary>Win rate of calendar years; NaN when undated.</summary>
    public required double WinRateYearly { get; init; }

    /// <summary>The longest run of positive periods.</summary>
    public required int ConsecutiveWins { get; init; }

    /// <summary>The longest run of negative periods.</summary>
    public required int ConsecutiveLosses { get; init; }

    /// <summary>Kelly criterion <c>(b·p − (1 − p)) / b</c>, b = payoff ratio, p = win rate.</summary>
    public required double KellyCriterion { get; init; }

    /// <summary>Risk of ruin <c>((1 − p) / (1 + p))^N</c>, p = win rate.</summary>
    public required double RiskOfRuin { get; init; }

    /// <summary>Calendar-year returns (empty when undated).</summary>
    public required IReadOnlyList<PeriodReturn> AnnualReturns { get; init; }

    /// <summary>Whether a benchmark was given (the benchmark metrics are NaN otherwise).</summary>
    public required bool HasBenchmark { get; init; }

    /// <summary>Annualised alpha <c>(mean(r) − β·mean(b))·P</c>.</summary>
    public required double Alpha { get; init; }

    /// <summary>Beta <c>cov(r, b) / var(b)</c>.</summary>
    public required double Beta { get; init; }

    /// <summary>Pearson correlation with the benchmark.</summary>
    public required double Correlation { get; init; }

    /// <summary>R² of the regression on the benchmark (correlation²).</summary>
    public required double RSquared { get; init; }

    /// <summary>Information ratio <c>mean(r − b) / σ(r − b)</c> (per period, not annualised, as quantstats).</summary>
    public required double InformationRatio { get; init; }

    /// <summary>Treynor ratio <c>(total return − rf) / β</c> (quantstats' definition).</summary>
    public required double Treynor { get; init; }

    /// <summary>Annualised turnover <c>Σ turnover / years</c>; NaN when no turnover series was given.</summary>
    public required double AnnualTurnover { get; init; }
}
