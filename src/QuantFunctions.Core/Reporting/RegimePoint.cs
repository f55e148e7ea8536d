namespace QuantFunctions.Core.Reporting;

/// <summary>The regime on one date.</summary>
/// <param name="Date">The date.</param>
/// <param name="Label">The regime label (e.g. "bull", "bear").</param>
/// <param name="Quadrant">The volatility quadrant label.</param>
public sealed record RegimePoint(DateOnly Date, string Label, string Quadrant);
