namespace QuantFunctions.Core.Execution;

/// <summary>The direction of an order.</summary>
public enum OrderSide
{
    /// <summary>Buy: cash goes down, the position goes up.</summary>
    Buy = 1,

    /// <summary>Sell: cash goes up, the position goes down.</summary>
    Sell = 2,
}
