using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;

namespace QuantFunctions.Core.Tests.Selection;

/// <summary>A seeded random universe: returns with gaps, and one feature row per asset and date with values spread across every veto bound.</summary>
internal static class RandomUniverse
{
    public static (ReturnPanel Returns, FeatureHistory Features) Create(int seed, int assets, int rows)
    {
        ReturnPanel clean = SelectionFixture.Returns(assets, rows, seed, sd: 0.02);
        var rng = new Random(seed);
        double[] values = clean.Values.ToArray();
        for (int k = 0; k < values.Length; k++)
        {
            if (rng.NextDouble() < 0.03)
            {
                values[k] = double.NaN;
            }
        }

        var returns = new ReturnPanel(clean.Dates, clean.Columns, values);
        var featureRows = new List<(string, DateOnly, Dictionary<string, double>)>(assets * rows);
        foreach (string s in returns.Columns)
        {
            foreach (DateOnly d in returns.Dates)
            {
                featureRows.Add((s, d, Row(rng)));
            }
        }

        return (returns, SelectionFixture.Build(featureRows));
    }

    public static Dictionary<string, double> Row(Random rng) => new(StringComparer.Ordinal)
    {
        [FeatureColumns.PermutationEntropy] = 0.98 + (0.02 * rng.NextDouble()),
        [FeatureColumns.Hurst] = 0.4 + (0.3 * rng.NextDouble()),
        [FeatureColumns.EfficiencyRatio] = 0.5 * rng.NextDouble(),
        [FeatureColumns.Kurtosis] = 25 * rng.NextDouble(),
        [FeatureColumns.RealisedVolatility] = 3 * rng.NextDouble(),
        [FeatureColumns.Roc] = -100 + (220 * rng.NextDouble()),
        [FeatureColumns.Sma] = 90 + (20 * rng.NextDouble()),
        [FeatureColumns.Vwma] = 90 + (20 * rng.NextDouble()),
        [FeatureColumns.Adx] = 50 * rng.NextDouble(),
        [FeatureColumns.PlusDi] = 40 * rng.NextDouble(),
        [FeatureColumns.MinusDi] = 40 * rng.NextDouble(),
        [FeatureColumns.DonchianUpper] = 110 + (5 * rng.NextDouble()),
        [FeatureColumns.DonchianLower] = 85 + (5 * rng.NextDouble()),
    };
}
