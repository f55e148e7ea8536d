using BenchmarkDotNet.Attributes;
using QuantFunctions.Core.Performance;

namespace QuantFunctions.Benchmarks.Performance;

/// <summary>
/// quantstats' full metric set on 10 years of daily returns (2,520 weekdays from 2015-01-01, seed 1) — issue 15's
/// target is ≤ 2 ms with a benchmark. Run:
/// <c>dotnet run -c Release --project benchmarks/QuantFunctions.Benchmarks -- --filter '*MetricsBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class MetricsBenchmarks
{
    private readonly PerformanceOptions _options = new() { RiskFreeRate = 0.02 };
    private double[] _returns = null!;
    private double[] _benchmark = null!;
    private DateOnly[] _dates = null!;

    [GlobalSetup]
    public void Setup()
    {
        const int N = 2520;
        var rng = new Random(1);
        _returns = new double[N];
        _benchmark = new double[N];
        _dates = new DateOnly[N];
        var date = new DateOnly(2015, 1, 1);
        for (int i = 0; i < N; i++)
        {
            while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                date = date.AddDays(1);
            }

            _dates[i] = date;
            date = date.AddDays(1);
            _benchmark[i] = (rng.NextDouble() - 0.49) * 0.03;
            _returns[i] = (0.8 * _benchmark[i]) + ((rng.NextDouble() - 0.5) * 0.02);
        }
    }

    [Benchmark(Description = "metrics, 10y daily, dated, with benchmark")]
    public PerformanceMetrics WithBenchmark() => PerformanceCalculator.Compute(_returns, _dates, _options, _benchmark);

    [Benchmark(Description = "metrics, 10y daily, undated, no benchmark")]
    public PerformanceMetrics Undated() => PerformanceCalculator.Compute(_returns, _options);
}
