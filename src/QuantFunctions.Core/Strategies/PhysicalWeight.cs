using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Strategies;

/// <summary>The net position in one symbol after flattening atoms.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Weight">Net weight: long atom weights minus short atom weights (negative = net short).</param>
/// <param name="LongWeight">The sum of its LONG atom weights.</param>
/// <param name="ShortWeight">The sum of its SHORT atom weights (≥ 0).</param>
public sealed record PhysicalWeight(Symbol Symbol, double Weight, double LongWeight, double ShortWeight);
