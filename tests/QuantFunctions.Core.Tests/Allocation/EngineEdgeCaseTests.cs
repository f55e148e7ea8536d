using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Allocation.Engines;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Returns;
using QuantFunctions.Core.Risk;
using QuantFunctions.Core.Tests.Risk;
using QuantFunctions.Testing;

namespace QuantFunctions.Core.Tests.Allocation;

public sealed class EngineEdgeCaseTests
{
    [SharedDataFact]
    public void Hrp_MaxWeightBelowUnconstrainedMaximum_CapsEveryAssetInsideRecursion()
    {
        // Unconstrained HRP on the PyPortfolioOpt universe gives XOM 0.1118 (refcase); with max weight 0.08
        // every weight stays ≤ 0.08 and the budget still sums to 1 (tolerance 1e-12).
        ReturnPanel r = RefCases.PypfoptReturns;
        var c = new PortfolioConstraints { MaxWeight = 0.08 };
        AllocationProblem p = AllocationProblem.Create(SampleCovariance.ComputePairwise(r), constraints: c, correlation: Correlation.Pairwise(r));
        AllocationResult result = new HrpEngine().Allocate(p);
        Assert.True(result.Success, result.FailureReason);
        Assert.All(result.Weights, w => Assert.InRange(w, 0, 0.08 + 1e-12));
        Assert.Equal(1.0, result.Weights.Sum(), 12);
    }

    [Fact]
    public void EfficientRisk_TargetBelowMinimumVolatility_FailsWithReason()
    {
        // Minimum volatility of diag(0.04, 0.09) is √(0.04·0.09/0.13) ≈ 0.1664: a 10% target is unattainable.
        AllocationProblem p = AllocationProblem.Create(CovarianceMatrix.Create(["a", "b"], [0.04, 0, 0, 0.09]), [0.05, 0.15]);
        AllocationResult r = new EfficientRiskEngine(0.10).Allocate(p);
        Assert.False(r.Success);
        Assert.StartsWith("target volatility 0.1 is below the minimum attainable 0.1664", r.FailureReason);
    }

    [Fact]
    public void Barbell_SkewnessFromReturns_PutsSatelliteOnMostSkewedAsset()
    {
        // Asset "skew" has rare large gains (positive skew); the top-1 satellite must be it: its weight exceeds the core share alone.
        ReturnPanel baseReturns = CovarianceTests.RandomReturns(4, 200, 21);
        double[] v = baseReturns.Values.ToArray();
        for (int t = 0; t < 200; t += 25)
        {
            v[(3 * 200) + t] += 0.15;
        }

        ReturnPanel returns = ReturnPanel.Undated(["a", "b", "c", "skew"], 200, v);
        AllocationProblem p = AllocationProblem.FromReturns(returns);
        var engine = new BarbellEngine(new BarbellOptions { CoreFraction = 0.9, SatelliteCount = 1 });
        AllocationResult r = engine.Allocate(p);
        AllocationResult core = new MinimumVarianceEngine().Allocate(p);
        Assert.True(r.Success, r.FailureReason);
        Assert.Equal((0.9 * core.WeightOf("skew")) + 0.1, r.WeightOf("skew"), 1e-9);
    }

    [Fact]
    public void FromReturns_IllConditionedCovariance_ReportsRidge()
    {
        // Two nearly identical assets make κ(Σ) huge; the default guard (bound 5,000) adds a ridge and reports it.
        ReturnPanel r0 = CovarianceTests.RandomReturns(3, 300, 4);
        double[] v = r0.Values.ToArray();
        for (int t = 0; t < 300; t++)
        {
            v[300 + t] = v[t] + (1e-6 * Math.Sin(t));
        }

        AllocationProblem p = AllocationProblem.FromReturns(ReturnPanel.Undated(["a", "b", "c"], 300, v));
        RidgeResult ridge = p.Estimate!.Ridge!;
        Assert.True(ridge.ConditionBefore > 5000);
        Assert.Equal(5000, ridge.ConditionAfter, 1e-6 * 5000);
        Assert.True(ridge.Lambda > 0);
    }
}
