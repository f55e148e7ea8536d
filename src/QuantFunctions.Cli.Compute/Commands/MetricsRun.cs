using QuantFunctions.Core.Performance;

namespace QuantFunctions.Cli.Compute.Commands;

/// <summary>What <c>quant metrics</c> computed: the files, the options, each column's metrics and the benchmark's.</summary>
/// <param name="Source">The returns file.</param>
/// <param name="BenchmarkSource">The benchmark file, or null.</param>
/// <param name="Options">The metric options.</param>
/// <param name="Results">Each column and its metrics, in file order.</param>
/// <param name="Benchmark">The benchmark series and its own metrics, or null.</param>
internal sealed record MetricsRun(
    string Source,
    string? BenchmarkSource,
    PerformanceOptions Options,
    IReadOnlyList<(MetricsSeries Series, PerformanceMetrics Metrics)> Results,
    (MetricsSeries Series, PerformanceMetrics Metrics)? Benchmark);
