namespace QuantFunctions.Core.Backtesting;

/// <summary>The daily out-of-sample record of a walk-forward backtest.</summary>
/// <param name="Columns">The traded columns (streams).</param>
/// <param name="Dates">The stream's dates: every row from the first decision to the end, contiguous.</param>
/// <param name="GrossReturns">Portfolio returns before costs, <c>Σ wᵢ rᵢ</c> (T3: net return + cost fraction).</param>
/// <param name="NetReturns">Portfolio returns after costs.</param>
/// <param name="Equity">Equity after each date, starting from 1 before the first date.</param>
/// <param name="Turnover">Turnover per date (non-zero on rebalance dates).</param>
/// <param name="Costs">Cost per date as a fraction of equity: trading costs plus borrow.</param>
/// <param name="Weights">Start-of-day weights, column-major (dates × columns).</param>
/// <param name="Rebalances">Every decision's rebalance, in date order.</param>
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
    int[] UnobservedHeldReturns)
{
    /// <summary>The simulator that produced the record; <see cref="SimulatorId.T2"/> by default.</summary>
    public SimulatorId Simulator { get; init; } = SimulatorId.T2;

    /// <summary>Stream days held in cash because no test window covered them (Step &gt; Test).</summary>
    public int CashDays { get; init; }

    /// <summary>Trades skipped by the <c>partial_rebalance</c> threshold (T2, T3), counted per column and decision.</summary>
    public int SkippedTrades { get; init; }

    /// <summary>Orders the fill model rejected (T3), in the order they were submitted; empty for T1 and T2.</summary>
    public IReadOnlyList<RejectedOrder> Rejections { get; init; } = [];
}
