namespace QuantFunctions.Core.Regime;

/// <summary>The regime features of a series: <see cref="Rows"/> × <see cref="Names"/> values, row-major.</summary>
/// <param name="Names">Column names.</param>
/// <param name="FirstRow">The index in the input series of the first row (the rows before it are the warm-up, dropped).</param>
/// <param name="Rows">Rows.</param>
/// <param name="Values">Row-major values.</param>
public sealed record RegimeFeatureMatrix(IReadOnlyList<string> Names, int FirstRow, int Rows, double[] Values);
