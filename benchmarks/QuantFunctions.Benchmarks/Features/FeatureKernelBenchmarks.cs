using BenchmarkDotNet.Attributes;
using QuantFunctions.Core.Features;

namespace QuantFunctions.Benchmarks.Features;

/// <summary>Per-kernel cost on one symbol of 3 650 daily bars, to see where the universe benchmark's time goes.</summary>
public class FeatureKernelBenchmarks
{
    private const int Bars = 3650;
    private readonly double[] _close = new double[Bars];
    private readonly double[] _high = new double[Bars];
    private readonly double[] _low = new double[Bars];
    private readonly double[] _returns = new double[Bars - 1];
    private readonly double[] _a = new double[Bars];
    private readonly double[] _b = new double[Bars];
    private readonly double[] _c = new double[Bars];
    private readonly int[] _maLengths = [10, 20, 30, 50, 100, 200];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        double price = 100;
        for (int i = 0; i < Bars; i++)
        {
            double previous = price;
            price *= Math.Exp(0.02 * ((random.NextDouble() * 2) - 1));
            _close[i] = price;
            _high[i] = Math.Max(previous, price) * 1.005;
            _low[i] = Math.Min(previous, price) * 0.995;
            if (i > 0)
            {
                _returns[i - 1] = Math.Log(price / previous);
            }
        }
    }

    [Benchmark]
    public void Sma() => MovingAverage.Sma(_close, 20, _a);

    [Benchmark]
    public void Rsi() => Core.Features.Rsi.Compute(_close, 14, _a);

    [Benchmark]
    public void Adx() => DirectionalMovement.Compute(_high, _low, _close, 14, _a, _b, _c);

    [Benchmark]
    public void Donchian() => Core.Features.Donchian.Compute(_high, _low, 20, _a, _b, _c);

    [Benchmark]
    public void Moments() => RollingMoments.Compute(_returns, 60, _a.AsSpan(1), _b.AsSpan(1), _c.AsSpan(1));

    [Benchmark]
    public void Cvar() => HistoricalCvar.Compute(_returns, 60, 0.95, _a.AsSpan(1));

    [Benchmark]
    public void Entropy() => PermutationEntropy.Compute(_returns, 3, 1, 100, _a.AsSpan(1));

    [Benchmark]
    public void Hurst() => HurstExponent.Compute(_returns, 256, _a.AsSpan(1));

    [Benchmark]
    public void MaRating() => TechnicalRating.MovingAverageRating(_close, _maLengths, _a);
}
