namespace QuantFunctions.Core.Selection;

/// <summary>The LONG and SHORT sleeves chosen by momentum, with every column's score and rank.</summary>
/// <param name="AsOf">The last date whose returns could be used (the row before the decision row).</param>
/// <param name="Long">Top-ranked columns, best first.</param>
/// <param name="Short">Bottom-ranked columns, worst first; never overlaps <paramref name="Long"/>.</param>
/// <param name="Scores">Every column's record, in rank order (eligible first, then ineligible by name).</param>
public sealed record SelectionResult(DateOnly AsOf, IReadOnlyList<string> Long, IReadOnlyList<string> Short, IReadOnlyList<MomentumScore> Scores);
