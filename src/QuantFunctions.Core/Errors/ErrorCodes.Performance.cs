namespace QuantFunctions.Core.Errors;

/// <content>Performance metrics (<c>Core/Performance</c>, <c>quant metrics</c>).</content>
public static partial class ErrorCodes
{
    /// <summary>A benchmark that does not cover the series' periods: another length, or no common dates.</summary>
    public static readonly ErrorCode BenchmarkMisaligned = new("metrics.benchmark_misaligned", ErrorCategory.InvalidInput);

    /// <summary>A returns file whose shape the metrics cannot use: a benchmark file with several columns, dated and undated files mixed.</summary>
    public static readonly ErrorCode MetricsInputShape = new("metrics.input_shape", ErrorCategory.InvalidInput);
}
