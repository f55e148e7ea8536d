using QuantFunctions.Core.Backtesting;

namespace QuantFunctions.Core.Tournaments;

/// <summary>A simulated cell: the walk-forward record and the decision of every window (in rebalance order).</summary>
/// <param name="CellId">The cell id (or a baseline's id).</param>
/// <param name="Backtest">The simulation.</param>
/// <param name="Decisions">One decision per rebalance.</param>
public sealed record CellOutcome(string CellId, BacktestResult Backtest, IReadOnlyList<WindowDecision> Decisions);
