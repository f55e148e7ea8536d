using FsCheck;
using FsCheck.Fluent;
using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;
using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Tests.Selection;

/// <summary>Point in time: perturbing any return or feature dated after the as-of never changes a selection.</summary>
public sealed class PointInTimeTests
{
    private static readonly Arbitrary<(int Seed, int AsOfRow, int Standard)> Cases =
        Gen.Choose(1, 1_000_000).SelectMany(seed => Gen.Choose(210, 258).SelectMany(k => Gen.Choose(0, 5).Select(s => (seed, k, s)))).ToArbitrary();

    [Fact]
    public void Select_PerturbAfterAsOf_SameSelection()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Cases, c =>
        {
            const int rows = 260;
            (ReturnPanel returns, FeatureHistory features) = RandomUniverse.Create(c.Seed, 20, rows);
            DateOnly asOf = returns.Dates[c.AsOfRow];
            var options = new SelectionOptions { Standard = SelectionStandards.All[c.Standard], MaxClusters = 4 };
            SelectionResult before = SelectionEngine.Select(returns, features, asOf, options, Direction.Long, 365);

            // Perturb every later return (toxic values included) and every later feature row.
            var rng = new Random(c.Seed ^ 0x5eed);
            double[] values = returns.Values.ToArray();
            for (int j = 0; j < returns.ColumnCount; j++)
            {
                for (int t = c.AsOfRow + 1; t < rows; t++)
                {
                    values[(j * rows) + t] = rng.NextDouble() < 0.1 ? 9.0 : (rng.NextDouble() - 0.5) * 0.5;
                }
            }

            var featureRows = new List<(string, DateOnly, Dictionary<string, double>)>();
            foreach (string s in returns.Columns)
            {
                foreach (DateOnly d in returns.Dates)
                {
                    Dictionary<string, double> row = d <= asOf ? Snapshot(features, s, d) : RandomUniverse.Row(rng);
                    featureRows.Add((s, d, row));
                }
            }

            SelectionResult after = SelectionEngine.Select(new ReturnPanel(returns.Dates, returns.Columns, values), SelectionFixture.Build(featureRows), asOf, options, Direction.Long, 365);
            return before.Winners.SequenceEqual(after.Winners)
                && before.Stage == after.Stage
                && before.Candidates.Select(x => (x.Symbol, x.Score, x.Cluster, string.Join('|', x.Vetoes))).SequenceEqual(after.Candidates.Select(x => (x.Symbol, x.Score, x.Cluster, string.Join('|', x.Vetoes))));
        }));
    }

    private static Dictionary<string, double> Snapshot(FeatureHistory features, string symbol, DateOnly date)
    {
        var row = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string c in SelectionFixture.Clean().Keys)
        {
            row[c] = features.Latest(symbol, c, date);
        }

        return row;
    }
}
