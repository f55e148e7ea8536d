namespace QuantFunctions.Core.Strategies;

/// <summary>One sleeve of the meta-portfolio's completeness table.</summary>
/// <param name="Sleeve">The sleeve.</param>
/// <param name="SourceRun">The run whose sleeve outputs were taken (this run, or the pinned completed run).</param>
/// <param name="Rows">Out-of-sample days of its backtest.</param>
/// <param name="Observed">Days with an observed (non-NaN) return.</param>
/// <param name="First">First day, or null when empty.</param>
/// <param name="Last">Last day, or null when empty.</param>
public sealed record CompletenessRow(string Sleeve, string SourceRun, int Rows, int Observed, DateOnly? First, DateOnly? Last);
