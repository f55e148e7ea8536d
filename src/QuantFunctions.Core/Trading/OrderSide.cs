namespace QuantFunctions.Core.Trading;

/// <summary>The side of an order.</summary>
public enum OrderSide
{
    /// <summary>Reduce or go short: sent first, so its proceeds fund the buys.</summary>
    Sell,

    /// <summary>Increase or cover.</summary>
    Buy,
}
