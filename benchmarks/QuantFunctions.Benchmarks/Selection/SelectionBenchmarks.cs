using BenchmarkDotNet.Attributes;
using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;
using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Benchmarks.Selection;

/// <summary>
/// A whole selection — Foundation Gate, every veto, the standard's scores, Ward clustering and HTR v3.4 — for 500
/// candidates × 10 years (2,520 days) of returns with a feature-store row per asset and day (seeded). Target (issue 14):
/// ≤ 200 ms. Run: <c>dotnet run -c Release --project benchmarks/QuantFunctions.Benchmarks -- --filter '*SelectionBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class SelectionBenchmarks
{
    private const int Assets = 500;
    private const int Days = 2520;
    private ReturnPanel _returns = null!;
    private FeatureHistory _features = null!;

    /// <summary>The standard: v3.4 (HTR over v4, the default), v2.1 (CARS), v5 (trend: price proxies and SMA200 per asset).</summary>
    [Params("v3.4", "v2.1", "v5")]
    public string Standard { get; set; } = "v3.4";

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(14);
        var dates = new DateOnly[Days];
        for (int t = 0; t < Days; t++)
        {
            dates[t] = new DateOnly(2015, 1, 1).AddDays(t);
        }

        string[] columns = new string[Assets];
        double[] values = new double[Assets * Days];
        for (int j = 0; j < Assets; j++)
        {
            columns[j] = $"BINANCE:C{j:D3}USDT";
            for (int t = 0; t < Days; t++)
            {
                values[(j * Days) + t] = (0.0002 * ((j % 7) - 3)) + (0.02 * (rng.NextDouble() - 0.5));
            }
        }

        _returns = new ReturnPanel(dates, columns, values);
        string[] names = [.. SelectionEngine.RequiredFeatures("v5").Union(SelectionEngine.RequiredFeatures("v5.1"))];
        var symbols = new string[Assets * Days];
        var rowDates = new DateOnly[Assets * Days];
        var feature = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (string n in names)
        {
            feature[n] = new double[Assets * Days];
        }

        for (int j = 0, row = 0; j < Assets; j++)
        {
            for (int t = 0; t < Days; t++, row++)
            {
                (symbols[row], rowDates[row]) = (columns[j], dates[t]);
                foreach (string n in names)
                {
                    feature[n][row] = n switch
                    {
                        FeatureColumns.PermutationEntropy => 0.98 + (0.02 * rng.NextDouble()),
                        FeatureColumns.Hurst => 0.4 + (0.3 * rng.NextDouble()),
                        FeatureColumns.Kurtosis => 25 * rng.NextDouble(),
                        FeatureColumns.RealisedVolatility => 3 * rng.NextDouble(),
                        FeatureColumns.Roc => -100 + (220 * rng.NextDouble()),
                        _ => 100 * rng.NextDouble(),
                    };
                }
            }
        }

        _features = new FeatureHistory(symbols, rowDates, feature);
    }

    [Benchmark]
    public SelectionResult Select() =>
        SelectionEngine.Select(_returns, _features, _returns.Dates[^1], new SelectionOptions { Standard = Standard }, Direction.Long, 365);
}
