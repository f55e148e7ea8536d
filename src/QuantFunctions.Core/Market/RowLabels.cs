namespace QuantFunctions.Core.Market;

/// <summary>
/// The row labels of an undated <see cref="ReturnPanel"/> as its source wrote them — a returns file's index
/// column (dates, timestamps, period numbers), not parsed and not checked for order; for display only.
/// </summary>
/// <param name="Name">The label column's name (empty for pandas' unnamed index).</param>
/// <param name="Labels">One label per row.</param>
public sealed record RowLabels(string Name, IReadOnlyList<string> Labels);
