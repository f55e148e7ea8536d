namespace QuantFunctions.Core.Execution;

/// <summary>An order to trade <paramref name="Quantity"/> units of <paramref name="Symbol"/>.</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Units (shares, coins), finite and ≥ 0; the fill model rounds it down to whole lots.</param>
public sealed record Order(string Symbol, OrderSide Side, double Quantity);
