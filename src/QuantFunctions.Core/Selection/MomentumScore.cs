namespace QuantFunctions.Core.Selection;

/// <summary>The momentum record of one column.</summary>
/// <param name="Column">The column (symbol).</param>
/// <param name="Score">Compounded return over the window's observed rows; NaN when not eligible.</param>
/// <param name="Observations">Observed returns in the window.</param>
/// <param name="Rank">1 = strongest momentum; 0 when not eligible.</param>
/// <param name="Eligible">Whether the column had enough observations to be ranked.</param>
public sealed record MomentumScore(string Column, double Score, int Observations, int Rank, bool Eligible);
