namespace QuantFunctions.Core.Reporting;

/// <summary>One row of the tear sheet's metric table, values already formatted (invariant culture).</summary>
/// <param name="Name">The metric's label.</param>
/// <param name="Strategy">The strategy's value.</param>
/// <param name="Benchmark">The benchmark's value (empty for a metric relative to the benchmark, e.g. beta); null when the tear sheet has no benchmark.</param>
public sealed record MetricTableRow(string Name, string Strategy, string? Benchmark);
