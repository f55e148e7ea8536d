namespace QuantFunctions.Core.Performance;

/// <summary>One named metric of <see cref="PerformanceMetrics.Rows"/>.</summary>
/// <param name="Key">The stable snake_case name (the JSON property of <see cref="PerformanceMetrics"/>).</param>
/// <param name="Label">The display label (quantstats' row name where it has one).</param>
/// <param name="Format">How to show the value.</param>
/// <param name="Value">The value; NaN when undefined or for a date row.</param>
/// <param name="Date">The date of a <see cref="MetricFormat.Date"/> row; null otherwise or when undefined.</param>
public sealed record MetricRow(string Key, string Label, MetricFormat Format, double Value, DateOnly? Date = null);
