namespace QuantFunctions.Core.Backtesting;

/// <summary>One decision's rebalance in the walk-forward backtest.</summary>
/// <param name="Date">The decision's first test date (trades before this date's return: at the previous close, or at this date's open in T3).</param>
/// <param name="Row">The panel row of <paramref name="Date"/>.</param>
/// <param name="TrainStartRow">The first training row (inclusive).</param>
/// <param name="TrainEndRow">The last training row + 1 (exclusive; <c>Row − GapDays</c>).</param>
/// <param name="Weights">The target weights, one per column.</param>
/// <param name="DriftedWeights">The weights just before trading (drifted from the previous decision; T1: the previous target).</param>
/// <param name="Turnover">Traded notional as a fraction of equity, <c>Σ|w_new − w_drifted|</c>.</param>
/// <param name="Cost">The trading cost as a fraction of equity, <c>turnover × (slippage + commission)</c>.</param>
public sealed record RebalanceRecord(DateOnly Date, int Row, int TrainStartRow, int TrainEndRow, IReadOnlyList<double> Weights, IReadOnlyList<double> DriftedWeights, double Turnover, double Cost);
