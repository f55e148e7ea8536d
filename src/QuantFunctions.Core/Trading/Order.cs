namespace QuantFunctions.Core.Trading;

/// <summary>One order to send, in sending order (<see cref="Sequence"/>: sells first, then buys, each by symbol).</summary>
/// <param name="OrderId">Deterministic id: <c>{prefix}-{seq:0000}-{first 8 hex of SHA-256(prefix|symbol|side|quantity)}</c>.</param>
/// <param name="Sequence">Position in the sending order, from 1.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Units (&gt; 0, a whole number of lots).</param>
/// <param name="LimitPrice">The sizing price on the venue's tick grid (nearest tick).</param>
/// <param name="Notional">Quantity × sizing price.</param>
public sealed record Order(string OrderId, int Sequence, string Symbol, OrderSide Side, double Quantity, double LimitPrice, double Notional);
