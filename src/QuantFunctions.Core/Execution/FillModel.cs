using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Execution;

/// <summary>
/// The platform's one fill model, shared by the T3 event-driven simulator and the paper broker: prices an order at
/// a reference price (the bar's open, or a configured price) with slippage and commission, rounds it to whole lots,
/// and fills it or rejects it with a reason. Pure and deterministic: the same order, price, cash and position give
/// the same fill.
/// </summary>
/// <remarks>
/// <para>For an order of <c>q</c> units at reference price <c>p</c> with slippage <c>s</c> and commission <c>k</c>
/// (fractions): quantity <c>q' = ⌊q / lot⌋·lot</c> (unchanged when the lot is 0); fill price
/// <c>p' = p(1 + s)</c> for a buy, <c>p(1 − s)</c> for a sell; notional <c>N = q'p'</c>; commission <c>C = kN</c>;
/// cash change <c>−(N + C)</c> for a buy, <c>N − C</c> for a sell.</para>
/// <para>Checks, in order: a NaN price → <see cref="FillRejection.NoPrice"/>; <c>q' = 0</c> →
/// <see cref="FillRejection.BelowLot"/>; <c>q'p</c> below the minimum notional →
/// <see cref="FillRejection.BelowMinimumNotional"/>; a buy with <c>N + C</c> above the cash →
/// <see cref="FillRejection.InsufficientCash"/>; a sell above the position without shorting →
/// <see cref="FillRejection.InsufficientPosition"/>.</para>
/// </remarks>
public sealed class FillModel
{
    // Quantities within this relative distance below a whole lot count as that lot (3 × 0.1 / 0.1 = 2.9999999999999996).
    private const double LotTolerance = 1e-9;

    /// <summary>Creates the model.</summary>
    /// <param name="options">Friction, lot size, minimum notional, shorting.</param>
    /// <exception cref="DomainValidationException">Invalid options (<see cref="ErrorCodes.InvalidFriction"/>).</exception>
    public FillModel(FillModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The options.</summary>
    public FillModelOptions Options { get; }

    /// <summary>Rounds a quantity down (towards zero) to a whole number of lots; unchanged when the lot size is 0.</summary>
    /// <param name="quantity">Units, ≥ 0.</param>
    /// <returns>The whole-lot quantity.</returns>
    public double RoundToLots(double quantity)
    {
        double lot = Options.LotSize;
        return lot > 0 ? Math.Floor((quantity / lot) + LotTolerance) * lot : quantity;
    }

    /// <summary>
    /// The largest whole-lot buy quantity whose cost passes <see cref="Execute"/>'s cash check
    /// (<c>q·p(1 + s) + q·p(1 + s)·k ≤ cash</c>): <c>⌊cash / (p(1 + s)(1 + k))⌋</c> lots, less the last lot (or, for
    /// fractional units, the last units in the last place) when rounding puts the check's sum a hair above the cash.
    /// </summary>
    /// <param name="cash">The cash available, ≥ 0.</param>
    /// <param name="referencePrice">The reference price, positive and finite.</param>
    /// <returns>The quantity, ≥ 0.</returns>
    public double AffordableBuy(double cash, double referencePrice)
    {
        double price = FillPrice(OrderSide.Buy, referencePrice), k = Options.Friction.CommissionRate, lot = Options.LotSize;
        double quantity = RoundToLots(cash / (price * (1 + k)));
        for (int shave = 0; shave < 8 && quantity > 0 && (quantity * price) + (quantity * price * k) > cash; shave++)
        {
            quantity = lot > 0 ? Math.Max(quantity - lot, 0) : Math.BitDecrement(quantity);
        }

        return quantity;
    }

    /// <summary>The fill price of a side at a reference price: <c>p(1 + s)</c> for a buy, <c>p(1 − s)</c> for a sell.</summary>
    /// <param name="side">Buy or sell.</param>
    /// <param name="referencePrice">The reference price.</param>
    /// <returns>The fill price.</returns>
    public double FillPrice(OrderSide side, double referencePrice) =>
        side == OrderSide.Buy ? referencePrice * (1 + Options.Friction.SlippageRate) : referencePrice * (1 - Options.Friction.SlippageRate);

    /// <summary>Fills or rejects one order.</summary>
    /// <param name="order">The order.</param>
    /// <param name="referencePrice">The reference price (the bar's open or a configured price); NaN = no price on this bar.</param>
    /// <param name="cash">The cash available to a buy, finite.</param>
    /// <param name="position">The units held before the order (negative = short), finite.</param>
    /// <returns>The fill or the rejection.</returns>
    /// <exception cref="DomainValidationException"><see cref="ErrorCodes.InvalidOrder"/>: an empty symbol, a negative or non-finite quantity, an infinite or non-positive price, a non-finite cash or position.</exception>
    public Fill Execute(Order order, double referencePrice, double cash, double position)
    {
        ArgumentNullException.ThrowIfNull(order);
        Check(order, referencePrice, cash, position);
        if (double.IsNaN(referencePrice))
        {
            return Rejected(order, FillRejection.NoPrice, referencePrice);
        }

        double quantity = RoundToLots(order.Quantity);
        if (!(quantity > 0))
        {
            return Rejected(order, FillRejection.BelowLot, referencePrice);
        }

        if (quantity * referencePrice < Options.MinimumNotional)
        {
            return Rejected(order, FillRejection.BelowMinimumNotional, referencePrice);
        }

        double price = FillPrice(order.Side, referencePrice);
        double notional = quantity * price;
        double commission = notional * Options.Friction.CommissionRate;
        if (order.Side == OrderSide.Buy && notional + commission > cash)
        {
            return Rejected(order, FillRejection.InsufficientCash, referencePrice);
        }

        if (order.Side == OrderSide.Sell && !Options.AllowShort && quantity > position)
        {
            return Rejected(order, FillRejection.InsufficientPosition, referencePrice);
        }

        double cashChange = order.Side == OrderSide.Buy ? -(notional + commission) : notional - commission;
        return new Fill(order, FillRejection.None, quantity, referencePrice, price, notional, commission, quantity * Math.Abs(price - referencePrice), cashChange);
    }

    private static Fill Rejected(Order order, FillRejection reason, double referencePrice) => new(order, reason, 0, referencePrice, 0, 0, 0, 0, 0);

    private static void Check(Order order, double referencePrice, double cash, double position)
    {
        if (string.IsNullOrWhiteSpace(order.Symbol) || !(order.Quantity >= 0) || double.IsInfinity(order.Quantity)
            || (order.Side != OrderSide.Buy && order.Side != OrderSide.Sell))
        {
            throw new DomainValidationException(ErrorCodes.InvalidOrder, $"Fill model: an order needs a symbol, a side and a finite quantity ≥ 0 (got '{order.Symbol}', {order.Side}, {order.Quantity}).");
        }

        if (double.IsInfinity(referencePrice) || referencePrice <= 0 || !double.IsFinite(cash) || !double.IsFinite(position))
        {
            throw new DomainValidationException(
                ErrorCodes.InvalidOrder, $"Fill model: the order for {order.Symbol} needs a positive reference price (or NaN for none), finite cash and position (got price {referencePrice}, cash {cash}, position {position}).");
        }
    }
}
