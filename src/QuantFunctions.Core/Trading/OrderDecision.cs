namespace QuantFunctions.Core.Trading;

/// <summary>
/// The decision trail of one symbol: what was targeted, what was held, the delta in lots and whether it became an
/// order (<see cref="OrderId"/>) or was skipped (<see cref="SkipReason"/>).
/// </summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Price">The price the target was sized at.</param>
/// <param name="TargetWeight">The target weight (fraction of capital; negative = short).</param>
/// <param name="CurrentQuantity">The quantity held before the order.</param>
/// <param name="TargetQuantity">The target quantity before lot rounding (weight × capital / price).</param>
/// <param name="DeltaQuantity">The signed delta rounded to whole lots.</param>
/// <param name="DeltaNotional">|delta| × price.</param>
/// <param name="SkipReason">Why no order was sent, or <see cref="OrderSkipReason.None"/>.</param>
/// <param name="OrderId">The order's id, or null when skipped.</param>
public sealed record OrderDecision(
    string Symbol,
    double Price,
    double TargetWeight,
    double CurrentQuantity,
    double TargetQuantity,
    double DeltaQuantity,
    double DeltaNotional,
    OrderSkipReason SkipReason,
    string? OrderId);
