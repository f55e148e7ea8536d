using System.Numerics.Tensors;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Performance;

/// <summary>quantstats' metric set (<c>reports.metrics(mode="full")</c>, quantstats 0.0.81) of a periodic simple-return series.</summary>
/// <remarks>
/// With <c>N</c> returns <c>r</c>, <c>P</c> periods per year, per-period risk-free <c>r_f = (1 + rf)^(1/P) − 1</c>,
/// excess <c>x = r − r_f</c>, sample standard deviation <c>σ</c> (N − 1) and drawdowns <c>DD</c> from a starting
/// equity of 1 (<see cref="EquityCurve.Drawdowns"/>, quantstats' phantom baseline):
/// <list type="bullet">
/// <item>Sharpe <c>x̄/σ(x)·√P</c>; Sortino <c>x̄/√(Σ min(x,0)²/N)·√P</c>; smart variants divide by quantstats'
/// autocorrelation penalty as well; adjusted Sortino = Sortino/√2; omega <c>Σ x⁺ / Σ x⁻</c>.</item>
/// <item>CAGR <c>|1 + total|^(P/N) − 1</c> (years = N/P), volatility <c>σ(r)√P</c>, Calmar, VaR/CVaR, skew, kurtosis,
/// tail, payoff, profit and outlier ratios, Kelly, risk of ruin use <c>r</c> (quantstats ignores rf there).</item>
/// <item>Treynor <c>(Π(1 + r) − 1 − rf)/β</c> and serenity <c>(Σ r − rf)/(ulcer·pitfall)</c> subtract the annual rf
/// as quantstats does; recovery factor <c>|Σ r|/|MDD|</c>.</item>
/// <item>Monthly, quarterly and yearly metrics aggregate by calendar period (<see cref="PeriodReturns"/>) and need
/// dates; for an undated series they are NaN (and the drawdown dates and day counts null) — a documented
/// fallback, since a period count cannot say where a month ends.</item>
/// </list>
/// Differences from quantstats, all deliberate: a NaN return is an error (quantstats fills it with 0); a negative
/// rf is applied (quantstats subtracts rf only when it is positive); a ratio with a zero or undefined denominator is
/// NaN (quantstats sometimes reports 0 or ±∞; profit factor keeps its +∞ and 0, information ratio its 0).
/// The benchmark is aligned by the caller (same periods; see <c>quant metrics</c> for the date join).
/// </remarks>
public static class PerformanceCalculator
{
    /// <summary>Computes the metrics of an undated series (calendar-period metrics are NaN).</summary>
    /// <param name="returns">Periodic simple returns, finite, at least two.</param>
    /// <param name="options">Periods per year, risk-free rate, VaR confidence, compounding.</param>
    /// <param name="turnover">Optional turnover per period (same length), for <see cref="PerformanceMetrics.AnnualTurnover"/>.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="DomainValidationException">Fewer than two returns, a non-finite return, or invalid options.</exception>
    public static PerformanceMetrics Compute(ReadOnlySpan<double> returns, PerformanceOptions options, ReadOnlySpan<double> turnover = default) =>
        Compute(returns, [], options, default, turnover);

    /// <summary>Computes the metrics.</summary>
    /// <param name="returns">Periodic simple returns, finite, at least two.</param>
    /// <param name="dates">One strictly increasing date per return, or empty for an undated series.</param>
    /// <param name="options">Periods per year, risk-free rate, VaR confidence, compounding.</param>
    /// <param name="benchmark">Optional benchmark returns on the same periods (same length), or empty.</param>
    /// <param name="turnover">Optional turnover per period (same length), or empty.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="DomainValidationException">
    /// Fewer than two returns, a non-finite return or benchmark return, unsorted dates, a benchmark or turnover of
    /// another length (<see cref="ErrorCodes.BenchmarkMisaligned"/>), or invalid options.
    /// </exception>
    public static PerformanceMetrics Compute(
        ReadOnlySpan<double> returns, ReadOnlySpan<DateOnly> dates, PerformanceOptions options, ReadOnlySpan<double> benchmark = default, ReadOnlySpan<double> turnover = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int n = returns.Length;
        if (n < 2)
        {
            throw new DomainValidationException(ErrorCodes.InsufficientData, $"Performance: {n} returns; at least 2 are needed.");
        }

        Guard.AllFinite(returns, "performance returns");
        bool dated = !dates.IsEmpty;
        if (dated)
        {
            Guard.SameLength(n, dates.Length, "performance", "dates");
            Guard.StrictlyIncreasing(dates, "performance returns");
        }

        if (!benchmark.IsEmpty)
        {
            if (benchmark.Length != n)
            {
                throw new DomainValidationException(ErrorCodes.BenchmarkMisaligned, $"Performance: the benchmark has {benchmark.Length} returns, the series {n}; align them on the same periods first.");
            }

            Guard.AllFinite(benchmark, "performance benchmark returns");
        }

        double p = options.PeriodsPerYear, sqrtP = Math.Sqrt(p);
        double rf = Math.Pow(1.0 + options.RiskFreeRate, 1.0 / p) - 1.0;
        double mean = SeriesStatistics.Mean(returns);
        double sd = SeriesStatistics.SampleStd(returns, mean);
        ReturnCounts c = ReturnCounts.Of(returns, rf);
        double excessMean = mean - rf;
        double penalty = SeriesStatistics.AutocorrelationPenalty(returns);
        double sortinoDownside = Math.Sqrt(c.ExcessDownsideSquares / n);
        double total = options.Compounded ? c.Growth - 1.0 : c.Sum;
        double cagr = Math.Pow(Math.Abs(1.0 + total), p / n) - 1.0;

        double[] dd = new double[n];
        EquityCurve.Drawdowns(returns, dd);
        DrawdownSummary drawdown = DrawdownSummary.Of(dd, dates);
        double ulcer = Math.Sqrt(TensorPrimitives.SumOfSquares(dd) / (n - 1));
        (double var, double cvar) = SeriesStatistics.ValueAtRisk(returns, mean, sd, options.VarConfidence);

        double[] sorted = returns.ToArray();
        Array.Sort(sorted);
        double tailRatio = Math.Abs(Ratio(SeriesStatistics.Quantile(sorted, 0.95), SeriesStatistics.Quantile(sorted, 0.05)));
        double profitFactor = c.Losses == 0 ? (c.Gains == 0 ? 0 : double.PositiveInfinity) : c.Gains / c.Losses;
        double winRate = c.NonZero > 0 ? (double)c.Positive / c.NonZero : 0;
        double averageWin = c.Positive > 0 ? c.PositiveSum / c.Positive : double.NaN;
        double averageLoss = c.Negative > 0 ? c.NegativeSum / c.Negative : double.NaN;
        double payoff = averageWin / Math.Abs(averageLoss);
        double nonNegativeMean = c.NonNegative > 0 ? c.Gains / c.NonNegative : double.NaN;

        CalendarSummary calendar = dated ? CalendarSummary.Of(returns, dates, options.Compounded) : CalendarSummary.Undated;
        BenchmarkSummary versus = benchmark.IsEmpty ? BenchmarkSummary.None : BenchmarkSummary.Of(returns, benchmark, p, c.Growth - 1.0, options.RiskFreeRate);

        double annualTurnover = double.NaN;
        if (!turnover.IsEmpty)
        {
            Guard.SameLength(n, turnover.Length, "performance", "turnover");
            annualTurnover = TensorPrimitives.Sum(turnover) / (n / p);
        }

        return new PerformanceMetrics
        {
            Observations = n,
            StartDate = dated ? dates[0] : null,
            EndDate = dated ? dates[^1] : null,
            Exposure = Math.Ceiling((double)c.NonZero / n * 100) / 100,
            TotalReturn = total,
            Cagr = cagr,
            Volatility = sd * sqrtP,
            Sharpe = Ratio(excessMean, sd) * sqrtP,
            SmartSharpe = Ratio(excessMean, sd * penalty) * sqrtP,
            Sortino = Ratio(excessMean, sortinoDownside) * sqrtP,
            SmartSortino = Ratio(excessMean, sortinoDownside * penalty) * sqrtP,
            AdjustedSortino = Ratio(excessMean, sortinoDownside) * sqrtP / Math.Sqrt(2),
            Omega = c.ExcessLosses > 0 ? c.ExcessGains / c.ExcessLosses : double.NaN,
            MaxDrawdown = drawdown.Max,
            MaxDrawdownDate = drawdown.Deepest?.Valley,
            MaxDrawdownStart = drawdown.Deepest?.Start,
            MaxDrawdownEnd = drawdown.Deepest?.End,
            LongestDrawdownDays = dated ? drawdown.LongestDays : null,
            LongestDrawdownPeriods = drawdown.LongestPeriods,
            AverageDrawdown = drawdown.Average,
            AverageDrawdownDays = dated ? drawdown.AverageDays : double.NaN,
            DrawdownEpisodes = drawdown.Episodes,
            Calmar = Ratio(cagr, Math.Abs(drawdown.Max)),
            RecoveryFactor = Ratio(Math.Abs(c.Sum), Math.Abs(drawdown.Max)),
            UlcerIndex = ulcer,
            SerenityIndex = Serenity(dd, c.Sum - options.RiskFreeRate, sd, ulcer),
            Skew = SeriesStatistics.Skew(returns, mean),
            Kurtosis = SeriesStatistics.Kurtosis(returns, mean),
            ValueAtRisk = var,
            ConditionalValueAtRisk = cvar,
            TailRatio = tailRatio,
            GainToPain = Ratio(c.Sum, -c.NegativeSum),
            GainToPainMonthly = calendar.GainToPainMonthly,
            PayoffRatio = payoff,
            ProfitFactor = profitFactor,
            CommonSenseRatio = profitFactor * tailRatio,
            CpcIndex = profitFactor * winRate * payoff,
            OutlierWinRatio = Ratio(SeriesStatistics.Quantile(sorted, 0.99), nonNegativeMean),
            OutlierLossRatio = Ratio(SeriesStatistics.Quantile(sorted, 0.01), averageLoss),
            AverageReturn = c.NonZero > 0 ? c.Sum / c.NonZero : double.NaN,
            AverageWin = averageWin,
            AverageLoss = averageLoss,
            BestDay = sorted[^1],
            WorstDay = sorted[0],
            BestMonth = calendar.BestMonth,
            WorstMonth = calendar.WorstMonth,
            BestYear = calendar.BestYear,
            WorstYear = calendar.WorstYear,
            WinRate = winRate,
            WinRateMonthly = calendar.WinRateMonthly,
            WinRateQuarterly = calendar.WinRateQuarterly,
            WinRateYearly = calendar.WinRateYearly,
            ConsecutiveWins = c.LongestWinRun,
            ConsecutiveLosses = c.LongestLossRun,
            KellyCriterion = payoff == 0 || double.IsNaN(payoff) ? double.NaN : ((payoff * winRate) - (1 - winRate)) / payoff,
            RiskOfRuin = Math.Pow((1 - winRate) / (1 + winRate), n),
            AnnualReturns = calendar.Years,
            HasBenchmark = !benchmark.IsEmpty,
            Alpha = versus.Alpha,
            Beta = versus.Beta,
            Correlation = versus.Correlation,
            RSquared = versus.Correlation * versus.Correlation,
            InformationRatio = versus.InformationRatio,
            Treynor = versus.Treynor,
            AnnualTurnover = annualTurnover,
        };
    }

    /// <summary>A ratio whose zero or NaN denominator gives NaN.</summary>
    internal static double Ratio(double numerator, double denominator) => denominator == 0 || double.IsNaN(denominator) ? double.NaN : numerator / denominator;

    /// <summary>
    /// quantstats' <c>serenity_index</c>: pitfall <c>= −CVaR₉₅(DD)/σ(r)</c> (CVaR of the drawdown series at
    /// quantstats' fixed 95 %), result <c>numerator / (ulcer · pitfall)</c>.
    /// </summary>
    private static double Serenity(ReadOnlySpan<double> drawdowns, double numerator, double sd, double ulcer)
    {
        double ddMean = SeriesStatistics.Mean(drawdowns);
        double ddStd = SeriesStatistics.SampleStd(drawdowns, ddMean);
        (_, double ddCvar) = SeriesStatistics.ValueAtRisk(drawdowns, ddMean, ddStd, 0.95);
        double pitfall = Ratio(-ddCvar, sd);
        return Ratio(numerator, ulcer * pitfall);
    }
}
