namespace QuantFunctions.Core.Execution;

/// <summary>The outcome of one order: filled, or rejected with a reason (then every amount is 0).</summary>
/// <param name="Order">The order as submitted.</param>
/// <param name="Rejection">Why it was not filled; <see cref="FillRejection.None"/> when filled.</param>
/// <param name="Quantity">Filled units (the order's quantity rounded down to whole lots), ≥ 0.</param>
/// <param name="ReferencePrice">The reference price (a bar's open, or a configured price).</param>
/// <param name="Price">The fill price: reference × (1 ± slippage), above it for a buy, below for a sell.</param>
/// <param name="Notional">Quantity × fill price.</param>
/// <param name="Commission">Commission paid in cash: notional × commission rate.</param>
/// <param name="SlippageCost">What slippage cost: quantity × |fill price − reference price|.</param>
/// <param name="CashChange">The signed change of cash: −(notional + commission) for a buy, notional − commission for a sell.</param>
public sealed record Fill(
    Order Order,
    FillRejection Rejection,
    double Quantity,
    double ReferencePrice,
    double Price,
    double Notional,
    double Commission,
    double SlippageCost,
    double CashChange)
{
    /// <summary>Whether the order was filled.</summary>
    public bool IsFilled => Rejection == FillRejection.None;

    /// <summary>The signed change of the position: +quantity for a buy, −quantity for a sell.</summary>
    public double PositionChange => Order.Side == OrderSide.Buy ? Quantity : -Quantity;

    /// <summary>The stable reason code of <see cref="Rejection"/> for reports (<c>filled</c> when filled).</summary>
    public string ReasonCode => Rejection switch
    {
        FillRejection.None => "filled",
        FillRejection.NoPrice => "no_price",
        FillRejection.BelowLot => "below_lot",
        FillRejection.BelowMinimumNotional => "below_min_notional",
        FillRejection.InsufficientCash => "insufficient_cash",
        _ => "insufficient_position",
    };
}
