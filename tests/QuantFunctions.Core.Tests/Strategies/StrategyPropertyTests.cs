using FsCheck;
using FsCheck.Fluent;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Tests.Strategies;

/// <summary>Invariants of synthesis and flattening, checked on random inputs (FsCheck, 200 cases each).</summary>
public sealed class StrategyPropertyTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(200);

    [Fact]
    public void Synthesize_AnyShortReturn_LossCappedAtMinus100PercentAndOtherwiseNegated()
    {
        Gen<double[]> returns = Gen.Choose(-1_000_000, 5_000_000).Select(i => i / 1_000_000.0).ArrayOf();
        Prop.ForAll(returns.ToArbitrary(), r =>
        {
            double[] s = new double[r.Length];
            AtomSynthesizer.Synthesize(Direction.Short, r, s);
            for (int i = 0; i < r.Length; i++)
            {
                double expected = r[i] >= 1.0 ? -1.0 : -r[i];
                if (s[i] < -1.0 || s[i] != expected)
                {
                    return false;
                }
            }

            return true;
        }).Check(Cases);
    }

    [Fact]
    public void Flatten_RandomAtoms_NetSumsEqualLongMinusShortAndSymbolsAreSorted()
    {
        Symbol[] universe = [Symbol.Parse("XNYS:A"), Symbol.Parse("XNYS:B"), Symbol.Parse("BINANCE:C"), Symbol.Parse("BINANCE:D")];
        Gen<(int Asset, bool Long, double Weight)> atom =
            from a in Gen.Choose(0, universe.Length - 1)
            from l in Gen.Elements(true, false)
            from w in Gen.Choose(0, 1000)
            select (a, l, w / 1000.0);
        Prop.ForAll(atom.ArrayOf().ToArbitrary(), spec =>
        {
            var atoms = spec.Select((x, k) => new StrategyAtom(universe[x.Asset], "l" + k.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Long ? Direction.Long : Direction.Short)).ToArray();
            double[] weights = spec.Select(x => x.Weight).ToArray();
            IReadOnlyList<PhysicalWeight> flat = WeightFlattener.Flatten(atoms, weights);
            double expectedNet = spec.Sum(x => x.Long ? x.Weight : -x.Weight);
            bool sorted = flat.Zip(flat.Skip(1)).All(p => p.First.Symbol < p.Second.Symbol);
            return sorted && Math.Abs(flat.Sum(p => p.Weight) - expectedNet) < 1e-12 && flat.All(p => p.Weight == p.LongWeight - p.ShortWeight);
        }).Check(Cases);
    }
}
