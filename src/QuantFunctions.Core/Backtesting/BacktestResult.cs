namespace QuantFunctions.Core.Backtesting;

/// <summary>The daily out-of-sample record of a walk-forward backtest.</summary>
/// <param name="Columns">The traded columns (streams).</param>
/// <param name="Dates">Test dates (all test windows, contiguous).</param>
/// <param name="GrossReturns">Portfolio returns before costs, <c>Σ wᵢ rᵢ</c>.</param>
/// <param name="NetReturns">Portfolio returns after costs.</param>
/// <param name="Equity">Equity after each date, starting from 1 before the first date.</param>
/// <param name="Turnover">Turnover per date (non-zero on rebalance dates).</param>
/// <param name="Costs">Cost per date as a fraction of equity.</param>
/// <param name="Weights">Start-of-day weights, column-major (dates × columns).</param>
/// <param name="Rebalances">Every rebalance, in date order.</param>
/// <param name="UnobservedHeldReturns">Per column: days it was held while its return was NaN (valued unchanged).</param>
public sealed record BacktestResult(
    IReadOnlyList<string> Columns,
    DateOnly[] Dates,
    double[] GrossReturns,
    double[] NetReturns,
    double[] Equity,
    double[] Turnover,
    double[] Costs,
    double[] Weights,
    IReadOnlyList<RebalanceRecord> Rebalances,
    int[] UnobservedHeldReturns);
