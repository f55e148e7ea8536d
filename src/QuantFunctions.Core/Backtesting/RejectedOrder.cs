using QuantFunctions.Core.Execution;

namespace QuantFunctions.Core.Backtesting;

/// <summary>An order the T3 simulator submitted and the fill model rejected.</summary>
/// <param name="Date">The date of the bar the order was to fill at.</param>
/// <param name="Fill">The rejection (order, reason, reference price).</param>
public sealed record RejectedOrder(DateOnly Date, Fill Fill);
