namespace QuantFunctions.Core.Backtesting;

/// <summary>The simulator tiers (seed 000 §11.4), selectable per backtest and per tournament cell as <c>t1</c>, <c>t2</c>, <c>t3</c>.</summary>
public enum SimulatorId
{
    /// <summary>T1 vectorised: target weights × returns every day (no drift), cost on turnover.</summary>
    T1 = 1,

    /// <summary>T2 drift: weights drift between rebalances; friction, borrow cost, partial-rebalance threshold (the default).</summary>
    T2 = 2,

    /// <summary>T3 event-driven: orders at the next bar's open through the fill model, whole lots, cash, rejected trades.</summary>
    T3 = 3,
}
