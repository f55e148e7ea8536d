using FsCheck;
using FsCheck.Fluent;
using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;
using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Tests.Selection;

/// <summary>HTR v3.4 on universes built to stop at each stage (20 assets, floor 15, one cluster unless stated).</summary>
public sealed class HtrLoopTests
{
    private static SelectionResult Run(SelectionOptions options, Func<int, Dictionary<string, double>> values, int assets = 20)
    {
        ReturnPanel returns = SelectionFixture.Returns(assets, 120, seed: 11);
        FeatureHistory features = SelectionFixture.Features(returns.Columns, returns.Dates[^1], s => values(int.Parse(s[1..], System.Globalization.CultureInfo.InvariantCulture)));
        return SelectionEngine.Select(returns, features, returns.Dates[^1], options, Direction.Long, 365);
    }

    private static Dictionary<string, double> With(string feature, double value)
    {
        Dictionary<string, double> v = SelectionFixture.Clean();
        v[feature] = value;
        return v;
    }

    private static int[] Counts(SelectionResult r) => [.. r.Stages.Select(s => s.Survivors.Count)];

    [Fact]
    public void Htr_AllClean_StopsAtStrict()
    {
        SelectionResult r = Run(SelectionFixture.Options(), _ => SelectionFixture.Clean());
        Assert.Equal(HtrStage.Strict, r.Stage);
        Assert.Equal([20], Counts(r));
        Assert.True(r.FloorMet);
    }

    [Fact]
    public void Htr_HalfHurstVetoed_StopsAtSpectral()
    {
        // Strict: 10 (Hurst 0.51 vetoes A00..A09); Spectral waives Hurst: 20.
        SelectionResult r = Run(SelectionFixture.Options(), i => i < 10 ? With(FeatureColumns.Hurst, 0.51) : SelectionFixture.Clean());
        Assert.Equal(HtrStage.Spectral, r.Stage);
        Assert.Equal([10, 20], Counts(r));
        Assert.Equal(Enumerable.Range(10, 10).Select(i => $"A{i:D2}").Order(StringComparer.Ordinal), r.Stages[0].Survivors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Htr_HalfEntropyVetoed_StopsAtClusterFloor()
    {
        // Entropy 0.9995 > 0.999 on A00..A09: Strict 10, Spectral (keeps the entropy veto) 10, Cluster Floor 20.
        SelectionResult r = Run(SelectionFixture.Options(), i => i < 10 ? With(FeatureColumns.PermutationEntropy, 0.9995) : SelectionFixture.Clean());
        Assert.Equal(HtrStage.ClusterFloor, r.Stage);
        Assert.Equal([10, 10, 20], Counts(r));
    }

    [Fact]
    public void Htr_ClusterFloor_RecruitsTheBestOfEveryUnrepresentedCluster()
    {
        // v4 with percentile 0.25: 5 of 20 qualify; with up to 25 clusters, Cluster Floor adds each unrepresented cluster's best.
        SelectionOptions options = SelectionFixture.Options(SelectionStandards.V4) with { Percentile = 0.25, MaxClusters = 25, Floor = 15 };
        SelectionResult r = Run(options, _ => SelectionFixture.Clean());
        HtrStageResult floor = r.Stages.Single(s => s.Stage == HtrStage.ClusterFloor);
        var clusters = r.Candidates.Where(c => floor.Survivors.Contains(c.Symbol)).Select(c => c.Cluster).Distinct().Count();
        Assert.Equal(r.ClusterCount, clusters);
        Assert.True(floor.Survivors.Count >= 5);
    }

    [Fact]
    public void Htr_PercentileBinds_StopsAtAlphaFallbackWithExactlyTheFloor()
    {
        // v4, percentile 0.5: 10 of 20 qualify → Strict 10, Spectral 10, Cluster Floor 10 (one cluster, represented);
        // Alpha Fallback adds the best remaining healthy by score up to 15.
        SelectionResult r = Run(SelectionFixture.Options(SelectionStandards.V4) with { Percentile = 0.5 }, _ => SelectionFixture.Clean());
        Assert.Equal(HtrStage.AlphaFallback, r.Stage);
        Assert.Equal([10, 10, 10, 15], Counts(r));
        string[] byScore = [.. r.Candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Symbol, StringComparer.Ordinal).Take(15).Select(c => c.Symbol)];
        Assert.Equal(byScore, r.Winners);
    }

    [Fact]
    public void Htr_FewerHealthyThanTheFloor_SelectsThemAllAndRecordsTheFloorUnmet()
    {
        // Kurtosis 25 (a hard veto) on A00..A07: 12 healthy < 15 — all 12 win, nothing is padded.
        SelectionResult r = Run(SelectionFixture.Options(), i => i < 8 ? With(FeatureColumns.Kurtosis, 25) : SelectionFixture.Clean());
        Assert.Equal(HtrStage.AlphaFallback, r.Stage);
        Assert.Equal(12, r.Winners.Count);
        Assert.False(r.FloorMet);
        Assert.All(r.Winners, w => Assert.True(r.Candidates.Single(c => c.Symbol == w).Healthy));
        Assert.Equal(12, r.Funnel.Single(f => f.Name == "hard_vetoes").Count);
        Assert.Equal(12, r.Funnel[^1].Count);
    }

    private static readonly Arbitrary<(int Seed, int Assets, int Standard)> Universes =
        Gen.Choose(1, 1_000_000).SelectMany(seed => Gen.Choose(15, 40).SelectMany(n => Gen.Choose(0, 5).Select(s => (seed, n, s)))).ToArbitrary();

    [Fact]
    public void Htr_AnyUniverse_FloorMetWheneverEnoughHealthy_WinnersHealthyDistinct_Deterministic()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Universes, u =>
        {
            (ReturnPanel returns, FeatureHistory features) = RandomUniverse.Create(u.Seed, u.Assets, 260);
            SelectionOptions options = new() { Standard = SelectionStandards.All[u.Standard], MaxClusters = 1 + (u.Seed % 8), MaxPerCluster = 1 + (u.Seed % 4) };
            SelectionResult a = SelectionEngine.Select(returns, features, returns.Dates[^1], options, u.Seed % 2 == 0 ? Direction.Long : Direction.Short, 365);
            SelectionResult b = SelectionEngine.Select(returns, features, returns.Dates[^1], options, u.Seed % 2 == 0 ? Direction.Long : Direction.Short, 365);
            int healthy = a.Candidates.Count(c => c.Healthy);
            return (healthy < options.Floor || a.Winners.Count >= options.Floor)
                && a.Winners.Count <= options.MaxWinners
                && a.Winners.Distinct().Count() == a.Winners.Count
                && a.Winners.All(w => a.Candidates.Single(c => c.Symbol == w).Healthy)
                && (a.FloorMet || a.Winners.Count == healthy)
                && a.Winners.SequenceEqual(b.Winners);
        }));
    }
}
