using BenchmarkDotNet.Attributes;
using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Benchmarks.Features;

/// <summary>
/// All silver features for 500 symbols × 10 years of daily bars (3 650 bars each, a seeded geometric random walk).
/// Goal: ≤ 2 s. Run: <c>dotnet run -c Release --project benchmarks/QuantFunctions.Benchmarks -- --filter '*FeatureSet*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class FeatureSetBenchmarks
{
    private const int Symbols = 500;
    private const int Bars = 3650;
    private BarSeries[] _universe = [];
    private FeatureSet _sequential = null!;
    private FeatureSet _parallel = null!;
    private readonly double[] _buffer = new double[Bars * FeatureColumns.All.Count];

    [GlobalSetup]
    public void Setup()
    {
        _universe = new BarSeries[Symbols];
        for (int s = 0; s < Symbols; s++)
        {
            _universe[s] = RandomWalk($"BENCH:S{s:D3}", Bars, seed: 1000 + s);
        }

        _sequential = new FeatureSet();
        _parallel = new FeatureSet(new FeatureOptions { MaxDegreeOfParallelism = Environment.ProcessorCount });
    }

    [Benchmark(Baseline = true, Description = "500 symbols x 3650 bars, single thread")]
    public int SingleThread() => _sequential.ComputeMany(_universe).Count;

    [Benchmark(Description = "500 symbols x 3650 bars, single thread, into one reused buffer")]
    public double SingleThreadIntoBuffer()
    {
        // What a stage writing one symbol at a time pays: the compute without the 670 KB result block per symbol.
        double checksum = 0;
        foreach (BarSeries bars in _universe)
        {
            _sequential.ComputeInto(bars.Close, bars.High, bars.Low, bars.Volume, _buffer, bars.Symbol.Value);
            checksum += _buffer[^1];
        }

        return checksum;
    }

    [Benchmark(Description = "500 symbols x 3650 bars, parallel over symbols")]
    public int Parallel() => _parallel.ComputeMany(_universe).Count;

    private static BarSeries RandomWalk(string symbol, int count, int seed)
    {
        var random = new Random(seed);
        var start = new DateOnly(2015, 1, 1);
        var dates = new DateOnly[count];
        double[] open = new double[count], high = new double[count], low = new double[count], close = new double[count], volume = new double[count];
        double price = 100;
        for (int i = 0; i < count; i++)
        {
            dates[i] = start.AddDays(i);
            open[i] = price;
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            price *= Math.Exp(0.02 * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
            close[i] = price;
            high[i] = Math.Max(open[i], close[i]) * (1 + (0.01 * random.NextDouble()));
            low[i] = Math.Min(open[i], close[i]) * (1 - (0.01 * random.NextDouble()));
            volume[i] = 1000 * (0.5 + random.NextDouble());
        }

        return new BarSeries(Symbol.Parse(symbol), dates, open, high, low, close, volume);
    }
}
