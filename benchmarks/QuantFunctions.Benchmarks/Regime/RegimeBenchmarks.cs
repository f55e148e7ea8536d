using BenchmarkDotNet.Attributes;
using QuantFunctions.Core.Regime;

namespace QuantFunctions.Benchmarks.Regime;

/// <summary>
/// Regime model fit on 2,520 days (ten years), 3 states, 10 restarts. Target (issue 14): ≤ 100 ms.
/// The returns are seeded Gaussian with planted regimes (daily volatility 0.6 %, 1.5 %, 3.5 % in segments of 120–300
/// days). Run: <c>dotnet run -c Release --project benchmarks/QuantFunctions.Benchmarks -- --filter '*RegimeBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class RegimeBenchmarks
{
    private static readonly double[] Volatilities = [0.006, 0.015, 0.035];
    private double[] _returns = null!;
    private double[] _features = null!;
    private HmmParameters _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2520);
        _returns = new double[2520];
        int t = 0, state = 0;
        while (t < _returns.Length)
        {
            int length = random.Next(120, 301);
            for (int i = 0; i < length && t < _returns.Length; i++, t++)
            {
                double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
                _returns[t] = Volatilities[state] * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            }

            state = (state + 1 + random.Next(2)) % 3;
        }

        _features = RegimeFeatures.Compute(_returns, 32).Values;
        _model = GaussianHmm.Fit(_features, 3, new HmmFitOptions()).Parameters;
    }

    /// <summary>Features (Haar energy, permutation entropy) + Baum-Welch, 3 states × 10 restarts.</summary>
    [Benchmark]
    public RegimeModel RegimeFit() => RegimeDetector.Fit(_returns, new RegimeOptions());

    /// <summary>Baum-Welch alone on the 3-dimensional features, 3 states × 10 restarts.</summary>
    [Benchmark]
    public HmmFit BaumWelchOnly() => GaussianHmm.Fit(_features, 3, new HmmFitOptions());

    /// <summary>Viterbi decoding of the 2,489 feature rows.</summary>
    [Benchmark]
    public int[] Viterbi() => GaussianHmm.Viterbi(_model, _features);
}
