namespace QuantFunctions.Cli.Compute.Commands;

/// <summary>One column of a returns file, ready for the metrics: its usable rows and what was dropped.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Dates">One date per return, or empty when the file is undated.</param>
/// <param name="Returns">The returns.</param>
/// <param name="Benchmark">The benchmark on the same rows, or empty.</param>
/// <param name="DroppedMissing">Rows dropped because the column (or the benchmark, on that row) has no value.</param>
/// <param name="DroppedUnmatched">Rows dropped because the benchmark file has no such date.</param>
internal sealed record MetricsSeries(string Name, DateOnly[] Dates, double[] Returns, double[] Benchmark, int DroppedMissing, int DroppedUnmatched);
