using System.CommandLine;
using System.Globalization;
using QuantFunctions.Cli.Compute.Infrastructure;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Performance;
using QuantFunctions.Lake.Datasets;

namespace QuantFunctions.Cli.Compute.Commands;

/// <summary>
/// <c>quant metrics FILE [--benchmark FILE] [--rf R] [--periods N] [--json]</c>: quantstats' metric set
/// (docs/metrics.md) of every column of a returns file — CSV or Parquet, read as <c>quant allocate</c> reads it —
/// with a benchmark column and the benchmark metrics when a benchmark file is given. Exit 0, or 2 for bad usage or input.
/// </summary>
internal sealed class MetricsCommand : CliCommand<ICommandOutput>
{
    private readonly Argument<string> _file = new("file") { Description = "Returns: .csv with a header or .parquet; one column per series, rows = periods, an optional first date column (dates enable the monthly/yearly metrics)." };
    private readonly Option<string?> _benchmark = new("--benchmark") { Description = "Benchmark returns file with one column, joined on dates (or row by row when both files are undated)." };
    private readonly Option<double> _rf = new("--rf") { Description = "Annual risk-free rate (default 0), de-annualised as (1 + rf)^(1/N) − 1 where quantstats subtracts it." };
    private readonly Option<double> _periods = new("--periods") { Description = "Periods per year for annualising (default 252; 365 for 24×7 daily series, 12 for monthly).", DefaultValueFactory = _ => 252 };
    private readonly Option<bool> _json = CliOptions.Json();

    public MetricsCommand(ICommandOutput context)
        : base("metrics", "quantstats' performance metrics of a returns file, optionally against a benchmark.", context)
    {
        Arguments.Add(_file);
        Options.Add(_benchmark);
        Options.Add(_rf);
        Options.Add(_periods);
        Options.Add(_json);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var options = new PerformanceOptions { PeriodsPerYear = parseResult.GetValue(_periods), RiskFreeRate = parseResult.GetValue(_rf) };
        if (!double.IsFinite(options.RiskFreeRate) || !(options.RiskFreeRate > -1))
        {
            throw new UsageException($"--rf must be a finite number above −1 (got {options.RiskFreeRate.ToString(CultureInfo.InvariantCulture)})");
        }

        if (!double.IsFinite(options.PeriodsPerYear) || !(options.PeriodsPerYear > 0))
        {
            throw new UsageException($"--periods must be a positive number (got {options.PeriodsPerYear.ToString(CultureInfo.InvariantCulture)})");
        }

        string file = parseResult.GetValue(_file)!;
        string? benchmarkFile = parseResult.GetValue(_benchmark);
        ReturnPanel returns = await ReturnsFileReader.ReadAsync(file, cancellationToken);
        ReturnPanel? benchmark = benchmarkFile is null ? null : await ReturnsFileReader.ReadAsync(benchmarkFile, cancellationToken);
        MetricsSeries[] series = MetricsInput.Align(returns, benchmark);
        var results = new List<(MetricsSeries Series, PerformanceMetrics Metrics)>(series.Length + 1);
        foreach (MetricsSeries s in series)
        {
            results.Add((s, PerformanceCalculator.Compute(s.Returns, s.Dates, options, s.Benchmark)));
        }

        MetricsSeries? benchmarkSeries = benchmark is null ? null : MetricsInput.BenchmarkSeries(benchmark, series);
        PerformanceMetrics? benchmarkMetrics = benchmarkSeries is null ? null : PerformanceCalculator.Compute(benchmarkSeries.Returns, benchmarkSeries.Dates, options);
        var run = new MetricsRun(file, benchmarkFile, options, results, benchmarkSeries is null ? null : (benchmarkSeries, benchmarkMetrics!));
        if (parseResult.GetValue(_json))
        {
            TextWriter output = Context.Console.Profile.Out.Writer;
            await output.WriteLineAsync(MetricsOutput.Json(run).AsMemory(), cancellationToken);
            await output.FlushAsync(cancellationToken);
        }
        else
        {
            MetricsOutput.Print(Context.Console, run);
        }

        return ExitCodes.Success;
    }
}
