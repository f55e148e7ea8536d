using QuantFunctions.Core.Clustering;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Regime;
using QuantFunctions.Core.Sleeves;
using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Tests.Sleeves;

public sealed class SleeveConstraintsTests
{
    private static readonly DateOnly Day0 = new(2024, 1, 1);

    [Fact]
    public void Betas_HandCalculation_CovarianceOverBenchmarkVariance()
    {
        // b = (0.01, −0.01, 0.02, 0.00): mean 0.005, deviations (0.005, −0.015, 0.015, −0.005), Σ dev² = 0.0005.
        // x = 2b → β = 2; y = (0.03, 0.03, 0.03, 0.01): Σ (y − ȳ)·dev_b = 0.0075·0.005 + 0.0075·(−0.015) + 0.0075·0.015
        // + (−0.0125)·(−0.005) = 0.0001; β = 0.0001 / 0.0005 = 0.2.
        double[] b = [0.01, -0.01, 0.02, 0.00];
        ReturnPanel panel = Panel(["x", "y"], [0.02, -0.02, 0.04, 0.00, 0.03, 0.03, 0.03, 0.01]);

        double[] betas = SleeveConstraints.Betas(panel, Benchmark(b));

        Assert.Equal(2.0, betas[0], 1e-12);
        Assert.Equal(0.2, betas[1], 1e-12);
    }

    [Fact]
    public void Betas_DayMissingFromBenchmark_IsInsufficientData()
    {
        ReturnPanel panel = Panel(["x"], [0.01, 0.02, 0.03]);
        var ex = Assert.Throws<DomainValidationException>(() => SleeveConstraints.Betas(panel, Benchmark([0.01, 0.02])));
        Assert.Equal(ErrorCodes.InsufficientData, ex.Code);
    }

    [Theory]
    [InlineData(RegimeLabel.Normal, 10, 0.25, 5)]
    [InlineData(RegimeLabel.Turbulent, 10, 0.20, 6)]
    [InlineData(RegimeLabel.Crisis, 10, 0.15, 8)]
    [InlineData(RegimeLabel.Crisis, 8, 0.15, 8)]
    public void Build_LongOnly_CapOfTheRegimeAndWardCutOfCeilOneOverCapPlusOne(RegimeLabel regime, int atoms, double cap, int clusters)
    {
        // K = min(N, ⌈1/cap⌉ + 1): ⌈4⌉ + 1 = 5, ⌈5⌉ + 1 = 6, ⌈6.67⌉ + 1 = 8.
        var (constraints, notes) = SleeveConstraints.Build(Noise(atoms), Longs(atoms), new SleeveSpec { Universe = "u" }, new SleeveConstraintInputs(regime));

        Assert.Equal((cap, clusters, LinkageMethod.Ward), (constraints.ClusterCaps!.MaxWeight, constraints.ClusterCaps.MaxClusters, constraints.ClusterCaps.Linkage!.Value));
        Assert.Equal((RegimeLabels.Name(regime), "regime", (double?)null), (notes.Regime, notes.RegimeSource, notes.CapRelaxedFrom));
        Assert.Null(constraints.Beta);
    }

    [Fact]
    public void Build_FewerAtomsThanTheCapAllows_RaisesTheCapToOneOverNAndRecordsIt()
    {
        // Crisis cap 0.15 needs ⌈1/0.15⌉ = 7 atoms; with 5 atoms the cap becomes 1/5 = 0.2, recorded.
        var (constraints, notes) = SleeveConstraints.Build(Noise(5), Longs(5), new SleeveSpec { Universe = "u" }, new SleeveConstraintInputs(RegimeLabel.Crisis));

        Assert.Equal(0.2, constraints.ClusterCaps!.MaxWeight, 1e-15);
        Assert.Equal(0.15, notes.CapRelaxedFrom);
    }

    [Fact]
    public void Build_NoRegime_DefaultsToNormalAndSaysSo()
    {
        var (constraints, notes) = SleeveConstraints.Build(Noise(10), Longs(10), new SleeveSpec { Universe = "u" }, new SleeveConstraintInputs(null));

        Assert.Equal(0.25, constraints.ClusterCaps!.MaxWeight);
        Assert.Equal(("NORMAL", "default"), (notes.Regime, notes.RegimeSource));
    }

    [Fact]
    public void AtomBetas_TwoBooks_ShortAtomCarriesTheNegatedAssetBeta()
    {
        // The hand-worked betas above: asset X:X has β = 2 and X:Y β = 0.2 against b. A LONG atom on X:X keeps 2; a SHORT
        // atom on X:Y gets −0.2 (its stream −min(r, 1) moves against the asset). The atom streams themselves are not read.
        double[] b = [0.01, -0.01, 0.02, 0.00];
        ReturnPanel universe = Panel(["X:X", "X:Y"], [0.02, -0.02, 0.04, 0.00, 0.03, 0.03, 0.03, 0.01]);
        StrategyAtom[] atoms = [new(Symbol.Parse("X:X"), "selection", Direction.Long), new(Symbol.Parse("X:Y"), "selection", Direction.Short)];
        ReturnPanel streams = Panel([atoms[0].Id, atoms[1].Id], [9, 9, 9, 9, 9, 9, 9, 9]);

        double[] betas = SleeveConstraints.AtomBetas(streams, atoms, new SleeveConstraintInputs(null, Benchmark(b), "b", universe));

        Assert.Equal(2.0, betas[0], 1e-12);
        Assert.Equal(-0.2, betas[1], 1e-12);
    }

    [Fact]
    public void Build_MarketNeutral_AtomWeightsStayLongOnlyWithTheBetaBound()
    {
        double[] b = [0.01, -0.01, 0.02, 0.00];
        ReturnPanel universe = Panel(["X:X", "X:Y"], [0.02, -0.02, 0.04, 0.00, 0.03, 0.03, 0.03, 0.01]);
        StrategyAtom[] atoms = [new(Symbol.Parse("X:X"), "selection", Direction.Long), new(Symbol.Parse("X:Y"), "selection", Direction.Short)];
        ReturnPanel streams = Panel([atoms[0].Id, atoms[1].Id], [0.02, -0.02, 0.04, 0.00, -0.03, -0.03, -0.03, -0.01]);

        var (constraints, notes) = SleeveConstraints.Build(streams, atoms, new SleeveSpec { Universe = "u", MarketNeutral = true }, new SleeveConstraintInputs(null, Benchmark(b), "b", universe));

        Assert.Equal((0.0, 1.0), (constraints.MinWeight, constraints.MaxWeight));
        Assert.Equal([2.0, -0.2], constraints.Beta!.Betas.Select(x => Math.Round(x, 12)));
        Assert.Equal(-0.2, notes.Betas![atoms[1].Id], 1e-12);
    }

    private static StrategyAtom[] Longs(int n) => [.. Enumerable.Range(0, n).Select(i => new StrategyAtom(Symbol.Parse("X:A" + i), "selection", Direction.Long))];

    private static ReturnPanel Panel(string[] columns, double[] columnMajor)
    {
        int rows = columnMajor.Length / columns.Length;
        var dates = new DateOnly[rows];
        for (int i = 0; i < rows; i++)
        {
            dates[i] = Day0.AddDays(i);
        }

        return new ReturnPanel(dates, columns, columnMajor);
    }

    private static Dictionary<DateOnly, double> Benchmark(double[] values)
    {
        var map = new Dictionary<DateOnly, double>();
        for (int i = 0; i < values.Length; i++)
        {
            map[Day0.AddDays(i)] = values[i];
        }

        return map;
    }

    private static ReturnPanel Noise(int assets)
    {
        var random = new Random(7);
        string[] columns = new string[assets];
        double[] values = new double[assets * 40];
        for (int i = 0; i < assets; i++)
        {
            columns[i] = "a" + i;
        }

        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (random.NextDouble() - 0.5) * 0.02;
        }

        return Panel(columns, values);
    }
}
