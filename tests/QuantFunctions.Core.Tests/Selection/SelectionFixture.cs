using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;

namespace QuantFunctions.Core.Tests.Selection;

/// <summary>Small hand-built universes: returns panels and feature-store rows.</summary>
internal static class SelectionFixture
{
    public static readonly DateOnly Start = new(2024, 1, 1);

    /// <summary>Feature values of a clean asset: no veto trips (entropy 0.9, Hurst 0.6, ER 0.3, kurtosis 3, vol 0.5, ROC 5 %).</summary>
    public static Dictionary<string, double> Clean() => new(StringComparer.Ordinal)
    {
        [FeatureColumns.PermutationEntropy] = 0.9,
        [FeatureColumns.Hurst] = 0.6,
        [FeatureColumns.EfficiencyRatio] = 0.3,
        [FeatureColumns.Kurtosis] = 3,
        [FeatureColumns.RealisedVolatility] = 0.5,
        [FeatureColumns.Roc] = 5,
        [FeatureColumns.Sma] = 100,
        [FeatureColumns.Vwma] = 100,
        [FeatureColumns.Adx] = 30,
        [FeatureColumns.PlusDi] = 25,
        [FeatureColumns.MinusDi] = 15,
        [FeatureColumns.DonchianUpper] = 110,
        [FeatureColumns.DonchianLower] = 90,
    };

    /// <summary>Deterministic pseudo-random returns (sd ≈ <paramref name="sd"/>, seeded), with a per-asset drift.</summary>
    public static ReturnPanel Returns(int assets, int rows, int seed, double sd = 0.01, Func<int, string>? name = null)
    {
        var rng = new Random(seed);
        string[] columns = new string[assets];
        double[] values = new double[assets * rows];
        for (int j = 0; j < assets; j++)
        {
            columns[j] = name?.Invoke(j) ?? $"A{j:D2}";
            double drift = (j - (assets / 2.0)) * 0.0002;
            for (int t = 0; t < rows; t++)
            {
                double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
                values[(j * rows) + t] = drift + (sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
            }
        }

        return new ReturnPanel(Dates(rows), columns, values);
    }

    public static DateOnly[] Dates(int rows)
    {
        var dates = new DateOnly[rows];
        for (int t = 0; t < rows; t++)
        {
            dates[t] = Start.AddDays(t);
        }

        return dates;
    }

    /// <summary>One feature row per symbol dated <paramref name="date"/>, from per-symbol values (missing symbols get no row).</summary>
    public static FeatureHistory Features(IReadOnlyList<string> symbols, DateOnly date, Func<string, Dictionary<string, double>?> values)
    {
        var rows = new List<(string Symbol, DateOnly Date, Dictionary<string, double> Values)>();
        foreach (string s in symbols)
        {
            if (values(s) is { } v)
            {
                rows.Add((s, date, v));
            }
        }

        return Build(rows);
    }

    public static FeatureHistory Build(List<(string Symbol, DateOnly Date, Dictionary<string, double> Values)> rows)
    {
        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (string c in Clean().Keys)
        {
            columns[c] = new double[rows.Count];
        }

        for (int i = 0; i < rows.Count; i++)
        {
            foreach (KeyValuePair<string, double[]> kv in columns)
            {
                kv.Value[i] = rows[i].Values.GetValueOrDefault(kv.Key, double.NaN);
            }
        }

        return new FeatureHistory(rows.ConvertAll(r => r.Symbol), [.. rows.ConvertAll(r => r.Date)], columns);
    }

    /// <summary>Options that isolate one mechanism: one cluster, no per-cluster cap, the given floor.</summary>
    public static SelectionOptions Options(string standard = SelectionStandards.V21, int floor = 15) => new()
    {
        Standard = standard,
        Floor = floor,
        MaxWinners = 25,
        MaxClusters = 1,
        MaxPerCluster = 1000,
        History = 120,
        Lookback = 60,
    };
}
