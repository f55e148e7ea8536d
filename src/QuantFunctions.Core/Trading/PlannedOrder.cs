using QuantFunctions.Core.Execution;

namespace QuantFunctions.Core.Trading;

/// <summary>One order of an <see cref="OrderPlan"/>, in sending order (<see cref="Sequence"/>: sells first, then buys, each by symbol).</summary>
/// <param name="OrderId">Deterministic id: <c>{prefix}-{seq:0000}-{first 8 hex of SHA-256(prefix|symbol|side|quantity)}</c>.</param>
/// <param name="Sequence">Position in the sending order, from 1.</param>
/// <param name="Order">The order the fill model executes (symbol, side, units: a whole number of lots, &gt; 0).</param>
/// <param name="LimitPrice">The sizing price on the venue's tick grid (nearest tick).</param>
/// <param name="Notional">Quantity × sizing price.</param>
public sealed record PlannedOrder(string OrderId, int Sequence, Order Order, double LimitPrice, double Notional)
{
    /// <summary>The symbol.</summary>
    public string Symbol => Order.Symbol;

    /// <summary>The side.</summary>
    public OrderSide Side => Order.Side;

    /// <summary>The units.</summary>
    public double Quantity => Order.Quantity;
}
