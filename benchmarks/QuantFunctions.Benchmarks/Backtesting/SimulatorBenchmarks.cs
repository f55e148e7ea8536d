using BenchmarkDotNet.Attributes;
using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Benchmarks.Backtesting;

/// <summary>
/// The three simulator tiers on one fixed walk-forward plan: 100 assets × 2 520 rows (10 years of sessions; the
/// stream is 2 460 days, 246 000 asset-days), train 60, test 20, step 10 (overlapping windows), tradfi friction.
/// Target (issue 15): T1 ≥ 10 million asset-days per second, i.e. ≤ 24.6 ms per run here.
/// Run: <c>dotnet run -c Release --project benchmarks/QuantFunctions.Benchmarks -- --filter '*SimulatorBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class SimulatorBenchmarks
{
    private const int Assets = 100, Rows = 2520;

    private WalkForwardPlan _plan = null!;
    private PriceBook _prices = null!;

    /// <summary>Asset-days simulated per run.</summary>
    public static int AssetDays => Assets * (Rows - 60);

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        double[] values = new double[Assets * Rows];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (rng.NextDouble() - 0.5) * 0.04;
        }

        var dates = new DateOnly[Rows];
        for (int t = 0; t < Rows; t++)
        {
            dates[t] = new DateOnly(2015, 1, 1).AddDays(t);
        }

        string[] columns = new string[Assets];
        for (int j = 0; j < Assets; j++)
        {
            columns[j] = "S" + j.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var panel = new ReturnPanel(dates, columns, values);
        var weights = new Random(7);
        _plan = WalkForwardBacktester.Plan(panel, w =>
        {
            double[] x = new double[w.ColumnCount];
            for (int j = 0; j < x.Length; j++)
            {
                x[j] = weights.NextDouble() * 2 / w.ColumnCount;
            }

            return x;
        }, new WalkForwardOptions { TrainDays = 60, TestDays = 20, StepDays = 10 });
        _prices = PriceBook.FromReturns(panel);
    }

    [Benchmark(Description = "T1 vectorised, 100 assets × 2460 days")]
    public BacktestResult T1() => new VectorisedSimulator().Simulate(_plan, _prices);

    [Benchmark(Description = "T2 drift, 100 assets × 2460 days")]
    public BacktestResult T2() => new DriftSimulator().Simulate(_plan, _prices);

    [Benchmark(Description = "T3 event-driven, 100 assets × 2460 days")]
    public BacktestResult T3() => new EventDrivenSimulator().Simulate(_plan, _prices);
}
