namespace QuantFunctions.Core.Performance;

/// <content>The ordered name/value view.</content>
public sealed partial record PerformanceMetrics
{
    /// <summary>
    /// Every scalar metric in quantstats' <c>reports.metrics(mode="full")</c> order (benchmark rows only when a
    /// benchmark was given, turnover only when known); <see cref="AnnualReturns"/> is not a row.
    /// </summary>
    /// <returns>The rows.</returns>
    public IReadOnlyList<MetricRow> Rows()
    {
        var rows = new List<MetricRow>(80)
        {
            new("start_date", "Start Period", MetricFormat.Date, double.NaN, StartDate),
            new("end_date", "End Period", MetricFormat.Date, double.NaN, EndDate),
            new("observations", "Observations", MetricFormat.Count, Observations),
            new("exposure", "Time in Market", MetricFormat.Percent, Exposure),
            new("total_return", "Cumulative Return", MetricFormat.Percent, TotalReturn),
            new("cagr", "CAGR", MetricFormat.Percent, Cagr),
            new("sharpe", "Sharpe", MetricFormat.Ratio, Sharpe),
            new("smart_sharpe", "Smart Sharpe", MetricFormat.Ratio, SmartSharpe),
            new("sortino", "Sortino", MetricFormat.Ratio, Sortino),
            new("smart_sortino", "Smart Sortino", MetricFormat.Ratio, SmartSortino),
            new("adjusted_sortino", "Sortino/√2", MetricFormat.Ratio, AdjustedSortino),
            new("omega", "Omega", MetricFormat.Ratio, Omega),
            new("max_drawdown", "Max Drawdown", MetricFormat.Percent, MaxDrawdown),
            new("max_drawdown_date", "Max DD Date", MetricFormat.Date, double.NaN, MaxDrawdownDate),
            new("max_drawdown_start", "Max DD Period Start", MetricFormat.Date, double.NaN, MaxDrawdownStart),
            new("max_drawdown_end", "Max DD Period End", MetricFormat.Date, double.NaN, MaxDrawdownEnd),
            new("longest_drawdown_days", "Longest DD Days", MetricFormat.Days, LongestDrawdownDays ?? double.NaN),
            new("volatility", "Volatility (ann.)", MetricFormat.Percent, Volatility),
        };
        if (HasBenchmark)
        {
            rows.Add(new("r_squared", "R^2", MetricFormat.Ratio, RSquared));
            rows.Add(new("information_ratio", "Information Ratio", MetricFormat.Ratio, InformationRatio));
        }

        rows.AddRange(
        [
            new("calmar", "Calmar", MetricFormat.Ratio, Calmar),
            new("skew", "Skew", MetricFormat.Ratio, Skew),
            new("kurtosis", "Kurtosis", MetricFormat.Ratio, Kurtosis),
            new("average_return", "Avg. Return", MetricFormat.Percent, AverageReturn),
            new("average_win", "Avg. Win", MetricFormat.Percent, AverageWin),
            new("average_loss", "Avg. Loss", MetricFormat.Percent, AverageLoss),
            new("kelly_criterion", "Kelly Criterion", MetricFormat.Percent, KellyCriterion),
            new("risk_of_ruin", "Risk of Ruin", MetricFormat.Percent, RiskOfRuin),
            new("value_at_risk", "Daily Value-at-Risk", MetricFormat.Percent, ValueAtRisk),
            new("conditional_value_at_risk", "Expected Shortfall (cVaR)", MetricFormat.Percent, ConditionalValueAtRisk),
            new("consecutive_wins", "Max Consecutive Wins", MetricFormat.Count, ConsecutiveWins),
            new("consecutive_losses", "Max Consecutive Losses", MetricFormat.Count, ConsecutiveLosses),
            new("gain_to_pain", "Gain/Pain Ratio", MetricFormat.Ratio, GainToPain),
            new("gain_to_pain_monthly", "Gain/Pain (1M)", MetricFormat.Ratio, GainToPainMonthly),
            new("payoff_ratio", "Payoff Ratio", MetricFormat.Ratio, PayoffRatio),
            new("profit_factor", "Profit Factor", MetricFormat.Ratio, ProfitFactor),
            new("common_sense_ratio", "Common Sense Ratio", MetricFormat.Ratio, CommonSenseRatio),
            new("cpc_index", "CPC Index", MetricFormat.Ratio, CpcIndex),
            new("tail_ratio", "Tail Ratio", MetricFormat.Ratio, TailRatio),
            new("outlier_win_ratio", "Outlier Win Ratio", MetricFormat.Ratio, OutlierWinRatio),
            new("outlier_loss_ratio", "Outlier Loss Ratio", MetricFormat.Ratio, OutlierLossRatio),
            new("best_day", "Best Day", MetricFormat.Percent, BestDay),
            new("worst_day", "Worst Day", MetricFormat.Percent, WorstDay),
            new("best_month", "Best Month", MetricFormat.Percent, BestMonth),
            new("worst_month", "Worst Month", MetricFormat.Percent, WorstMonth),
            new("best_year", "Best Year", MetricFormat.Percent, BestYear),
            new("worst_year", "Worst Year", MetricFormat.Percent, WorstYear),
            new("average_drawdown", "Avg. Drawdown", MetricFormat.Percent, AverageDrawdown),
            new("average_drawdown_days", "Avg. Drawdown Days", MetricFormat.Days, AverageDrawdownDays),
            new("recovery_factor", "Recovery Factor", MetricFormat.Ratio, RecoveryFactor),
            new("ulcer_index", "Ulcer Index", MetricFormat.Ratio, UlcerIndex),
            new("serenity_index", "Serenity Index", MetricFormat.Ratio, SerenityIndex),
            new("win_rate", "Win Days", MetricFormat.Percent, WinRate),
            new("win_rate_monthly", "Win Month", MetricFormat.Percent, WinRateMonthly),
            new("win_rate_quarterly", "Win Quarter", MetricFormat.Percent, WinRateQuarterly),
            new("win_rate_yearly", "Win Year", MetricFormat.Percent, WinRateYearly),
        ]);
        if (HasBenchmark)
        {
            rows.Add(new("beta", "Beta", MetricFormat.Ratio, Beta));
            rows.Add(new("alpha", "Alpha", MetricFormat.Ratio, Alpha));
            rows.Add(new("correlation", "Correlation", MetricFormat.Percent, Correlation));
            rows.Add(new("treynor", "Treynor Ratio", MetricFormat.Percent, Treynor));
        }

        if (!double.IsNaN(AnnualTurnover))
        {
            rows.Add(new("annual_turnover", "Turnover (ann.)", MetricFormat.Ratio, AnnualTurnover));
        }

        return rows;
    }
}
