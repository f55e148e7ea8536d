namespace QuantFunctions.Core.Reporting;

/// <summary>Portfolio weights over time for the stacked-area chart.</summary>
/// <param name="Columns">The held columns (symbols, atoms or sleeves).</param>
/// <param name="Weights">Start-of-period weights, column-major: <c>Weights[c × dates + t]</c>, one row per tear-sheet date.</param>
public sealed record WeightHistory(IReadOnlyList<string> Columns, double[] Weights);
