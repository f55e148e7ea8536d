using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Performance;

namespace QuantFunctions.Core.Reporting;

/// <summary>Everything a tear sheet shows: the input series, equity and drawdown, and the statistics of strategy and benchmark.</summary>
public sealed record TearSheet
{
    /// <summary>The input: title, dates, returns and the optional benchmark, weights, turnover, funnel and regime.</summary>
    public required TearSheetInput Input { get; init; }

    /// <summary>Equity after each period (starting from 1).</summary>
    public required double[] Equity { get; init; }

    /// <summary>Drawdown after each period (≤ 0).</summary>
    public required double[] Drawdown { get; init; }

    /// <summary>The strategy's statistics.</summary>
    public required PerformanceMetrics Metrics { get; init; }

    /// <summary>The benchmark's statistics; null without a benchmark.</summary>
    public PerformanceMetrics? BenchmarkMetrics { get; init; }

    /// <summary>The options the statistics were computed with.</summary>
    public required PerformanceOptions Options { get; init; }

    /// <summary>The chart options.</summary>
    public TearSheetOptions Charts { get; init; } = new();

    /// <summary>The title.</summary>
    public string Title => Input.Title;

    /// <summary>One date per period.</summary>
    public DateOnly[] Dates => Input.Dates;

    /// <summary>Builds a tear sheet from a return series.</summary>
    /// <param name="title">The title.</param>
    /// <param name="dates">One date per return, strictly increasing.</param>
    /// <param name="returns">Periodic simple returns.</param>
    /// <param name="options">Metric options.</param>
    /// <param name="turnover">Optional turnover per period.</param>
    /// <returns>The tear sheet.</returns>
    /// <exception cref="DomainValidationException">On length mismatch, unsorted dates or invalid returns.</exception>
    public static TearSheet FromReturns(string title, DateOnly[] dates, double[] returns, PerformanceOptions options, double[]? turnover = null) =>
        Create(new TearSheetInput(title, dates, returns) { Turnover = turnover }, options);

    /// <summary>Builds a tear sheet from a walk-forward backtest: its net returns, turnover and weights over time.</summary>
    /// <param name="title">The title.</param>
    /// <param name="result">The backtest.</param>
    /// <param name="options">Metric options.</param>
    /// <param name="benchmark">The benchmark aligned with the backtest's dates, or null.</param>
    /// <returns>The tear sheet.</returns>
    /// <exception cref="DomainValidationException">On invalid series (see <see cref="Create"/>).</exception>
    public static TearSheet FromBacktest(string title, BacktestResult result, PerformanceOptions options, BenchmarkSeries? benchmark = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Create(
            new TearSheetInput(title, result.Dates, result.NetReturns) { Turnover = result.Turnover, Benchmark = benchmark, Weights = new WeightHistory(result.Columns, result.Weights) },
            options);
    }

    /// <summary>Builds a tear sheet: equity, drawdown and the statistics of the strategy and of the benchmark.</summary>
    /// <param name="input">The series.</param>
    /// <param name="options">Metric options.</param>
    /// <param name="charts">Chart options; defaults when null.</param>
    /// <returns>The tear sheet.</returns>
    /// <exception cref="DomainValidationException">
    /// Dates not strictly increasing; a benchmark, turnover or weight series whose length does not match the dates;
    /// non-finite returns; fewer than two returns; invalid options.
    /// </exception>
    public static TearSheet Create(TearSheetInput input, PerformanceOptions options, TearSheetOptions? charts = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrEmpty(input.Title);
        charts ??= new TearSheetOptions();
        charts.Validate();
        var series = new DatedSeries(input.Title, input.Dates, input.Returns);
        int n = series.Count;
        PerformanceMetrics? benchmarkMetrics = null;
        if (input.Benchmark is { } benchmark)
        {
            Guard.SameLength(n, benchmark.Returns.Length, $"tear sheet '{input.Title}'", $"benchmark '{benchmark.Name}'");
            benchmarkMetrics = PerformanceCalculator.Compute(benchmark.Returns, series.Dates, options);
        }

        PerformanceMetrics metrics = PerformanceCalculator.Compute(series.Values, series.Dates, options, input.Benchmark?.Returns, input.Turnover);

        if (input.Weights is { } weights && weights.Weights.Length != weights.Columns.Count * n)
        {
            throw new DomainValidationException(
                ErrorCodes.ShapeMismatch, $"tear sheet '{input.Title}': {weights.Weights.Length} weights for {weights.Columns.Count} columns × {n} dates.");
        }

        double[] equity = new double[n], drawdown = new double[n];
        EquityCurve.FromReturns(input.Returns, equity);
        EquityCurve.Drawdowns(input.Returns, drawdown);
        return new TearSheet { Input = input, Equity = equity, Drawdown = drawdown, Metrics = metrics, BenchmarkMetrics = benchmarkMetrics, Options = options, Charts = charts };
    }
}
