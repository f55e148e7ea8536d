using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Allocation.Engines;
using QuantFunctions.Core.Clustering;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Risk;
using QuantFunctions.Core.Tests.Risk;
using QuantFunctions.Testing;

namespace QuantFunctions.Core.Tests.Allocation;

public sealed class ConstraintAndFallbackTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static readonly CovarianceMatrix Three = CovarianceMatrix.Create(["a", "b", "c"], [0.04, 0.01, 0.002, 0.01, 0.09, 0.02, 0.002, 0.02, 0.0625]);

    [Fact]
    public void Create_MaxWeightTimesNBelowOne_ThrowsInfeasibleNamingConstraint()
    {
        var ex = Assert.Throws<AllocationException>(() => AllocationProblem.Create(Three, constraints: new PortfolioConstraints { MaxWeight = 0.3 }));
        Assert.Equal(ErrorCodes.InfeasibleConstraints, ex.Code);
        Assert.Equal("max_weight", ex.Subject);
        Assert.Contains("0.3 × 3 assets = 0.9", ex.Message);
    }

    [Fact]
    public void Create_BadInputs_ThrowTypedErrors()
    {
        Assert.Equal(ErrorCodes.ShapeMismatch, Assert.Throws<AllocationException>(() => AllocationProblem.Create(Three, [0.1, 0.2])).Code);
        var nan = Assert.Throws<AllocationException>(() => AllocationProblem.Create(Three, [0.1, double.NaN, 0.2]));
        Assert.Equal("b", nan.Subject);
        var bounds = Assert.Throws<AllocationException>(() => AllocationProblem.Create(Three, constraints: new PortfolioConstraints { MinWeights = [0, 0.6, 0], MaxWeights = [1, 0.5, 1] }));
        Assert.Equal("b", bounds.Subject);
        var caps = Assert.Throws<AllocationException>(() => AllocationProblem.Create(Three, constraints: new PortfolioConstraints { ClusterCaps = new ClusterCaps(0.25, 3) }));
        Assert.Equal("cluster_cap", caps.Subject);
    }

    [Fact]
    public void MinimumVariance_MaxWeightBinding_ReportPassesWithSlack()
    {
        AllocationProblem p = AllocationProblem.Create(Three, constraints: new PortfolioConstraints { MaxWeight = 0.4 });
        AllocationResult r = new MinimumVarianceEngine().Allocate(p);
        Assert.True(r.Success, r.FailureReason);
        Assert.True(r.ConstraintReport.AllPassed);
        ConstraintCheck a = r.ConstraintReport.Checks.Single(c => c.Name == "bounds:a");
        Assert.Equal(0.4, a.Value, 1e-12);
        Assert.Equal(0, a.Slack, 1e-12);
        Assert.Equal(1.0, r.ConstraintReport.Checks.Single(c => c.Name == "budget").Value, 1e-12);
    }

    [Fact]
    public void EqualWeight_BetaViolated_IsNeverSuccess()
    {
        // wᵀβ = (0.5 + 1 + 1.5)/3 = 1 > 0.15: the report fails, so the result is not a success.
        AllocationProblem p = AllocationProblem.Create(Three, constraints: new PortfolioConstraints { Beta = new BetaNeutrality([0.5, 1, 1.5]) });
        AllocationResult r = new EqualWeightEngine().Allocate(p);
        Assert.False(r.Success);
        ConstraintCheck beta = r.ConstraintReport.Checks.Single(c => c.Name == "beta_neutrality");
        Assert.False(beta.Passed);
        Assert.Equal(1.0, beta.Value, 1e-12);
        Assert.Equal(-0.85, beta.Slack, 1e-12);
    }

    [Fact]
    public void MinimumVariance_NeutralityInfeasibleAtTightTolerance_RelaxesTo015()
    {
        // Long/short book, net 0, gross ≤ 1; β = [0.2, 0.1, 0.5] … min |wᵀβ| reachable; make 0.05 infeasible by long-only bounds:
        // long-only, Σw = 1, β ≥ 0.1 ⇒ wᵀβ ≥ 0.1 > 0.05 ⇒ relax to 0.15 which is feasible (w on asset a with β = 0.1).
        var c = new PortfolioConstraints { Beta = new BetaNeutrality([0.1, 0.4, 0.6], Tolerance: 0.05) };
        AllocationProblem p = AllocationProblem.Create(Three, constraints: c);
        AllocationResult r = AllocationEngineRegistry.CreateWithFallback("min_variance").Allocate(p);
        Assert.True(r.Success, r.FailureReason);
        Assert.Equal("min_variance", r.Engine);
        Assert.Equal(2, r.FallbackSteps.Count);
        Assert.False(r.FallbackSteps[0].Succeeded);
        Assert.Equal(0.05, r.FallbackSteps[0].NeutralityTolerance);
        Assert.Equal(0.15, r.FallbackSteps[1].NeutralityTolerance);
        Assert.True(Math.Abs(r.ConstraintReport.Checks.Single(x => x.Name == "beta_neutrality").Value) <= 0.15 + 1e-9);
    }

    [Fact]
    public void MaximumSharpe_AllReturnsNegative_FallsBackToMinimumVarianceWithReason()
    {
        AllocationProblem p = AllocationProblem.Create(Three, [-0.01, -0.02, -0.03]);
        AllocationResult r = AllocationEngineRegistry.CreateWithFallback("max_sharpe").Allocate(p);
        Assert.True(r.Success, r.FailureReason);
        Assert.Equal("min_variance", r.Engine);
        Assert.Equal("max_sharpe", r.RequestedEngine);
        Assert.Equal("all expected returns negative: maximum Sharpe undefined", r.FallbackSteps[0].Reason);
        Assert.Equal("min_variance", r.FallbackSteps[1].Engine);
    }

    [Fact]
    public void FallbacksAfter_Chain_IsDocumentedOrder()
    {
        Assert.Equal(["min_variance", "erc", "equal_weight"], FallbackAllocator.FallbacksAfter("max_sharpe"));
        Assert.Equal(["erc", "equal_weight"], FallbackAllocator.FallbacksAfter("min_variance"));
        Assert.Equal(["min_variance", "erc", "equal_weight"], FallbackAllocator.FallbacksAfter("hrp"));
        Assert.Empty(FallbackAllocator.FallbacksAfter("equal_weight"));
    }

    [Fact]
    public void Allocate_EveryEngineFails_ReturnsFailureWithAllSteps()
    {
        // β all 1 (long-only ⇒ wᵀβ = 1 > 0.25 whatever the weights): every engine and tolerance fails.
        var c = new PortfolioConstraints { Beta = new BetaNeutrality([1, 1, 1]) };
        AllocationResult r = AllocationEngineRegistry.CreateWithFallback("min_variance").Allocate(AllocationProblem.Create(Three, constraints: c));
        Assert.False(r.Success);
        Assert.Equal(6, r.FallbackSteps.Count);
        Assert.StartsWith("every engine of the fallback chain failed", r.FailureReason);
    }

    [Fact]
    public void Hrp_ClusterCaps_HoldInsideRecursion()
    {
        // 40 assets, caps 10% per cluster of 12: unconstrained HRP puts more than 10% into some clusters.
        var returns = CovarianceTests.RandomReturns(40, 500, 5);
        var cov = SampleCovariance.Compute(returns, 252);
        var caps = new PortfolioConstraints { ClusterCaps = new ClusterCaps(0.1, 12) };
        AllocationProblem capped = AllocationProblem.Create(cov, constraints: caps);
        AllocationResult r = new HrpEngine(LinkageMethod.Average).Allocate(capped);
        Assert.True(r.Success, r.FailureReason);
        int[] labels = capped.ClusterLabels(LinkageMethod.Average)!;
        for (int k = 0; k < 12; k++)
        {
            double total = Enumerable.Range(0, 40).Where(i => labels[i] == k).Sum(i => r.Weights[i]);
            Assert.True(total <= 0.1 + 1e-12, $"cluster {k} holds {total}");
        }

        Assert.Equal(1.0, r.Weights.Sum(), 12);
        AllocationResult free = new HrpEngine(LinkageMethod.Average).Allocate(AllocationProblem.Create(cov));
        Assert.Contains(Enumerable.Range(0, 12), k => Enumerable.Range(0, 40).Where(i => labels[i] == k).Sum(i => free.Weights[i]) > 0.1);
    }

    [Fact]
    public void MinimumVariance_ClusterCapsAndLongShortGross_Hold()
    {
        var returns = CovarianceTests.RandomReturns(12, 300, 9);
        var cov = SampleCovariance.Compute(returns, 252);
        var c = new PortfolioConstraints { MinWeight = -0.3, MaxWeight = 0.5, NetExposure = 1, GrossExposure = 1.4, ClusterCaps = new ClusterCaps(0.45, 4) };
        AllocationResult r = new MinimumVarianceEngine().Allocate(AllocationProblem.Create(cov, constraints: c));
        Assert.True(r.Success, r.FailureReason);
        Assert.True(r.Weights.Sum(Math.Abs) <= 1.4 + 1e-9);
    }

    [SharedDataFact]
    public void MaximumSharpe_MaxWeightAndBeta_HoldAndBeatEveryFeasibleCorner()
    {
        // Bounds [0, 0.2] and |wᵀβ| ≤ 0.9 on the PyPortfolioOpt universe (rf 2%): the homogenised QP keeps every
        // constraint, and no feasible equal-weight-of-5 portfolio has a higher Sharpe (sanity, not optimality proof).
        (AllocationProblem baseProblem, IReadOnlyList<string> assets) = PeerReferenceTests.PypfoptMeanVariance();
        double[] beta = Enumerable.Range(0, assets.Count).Select(i => 0.6 + (0.05 * i)).ToArray();
        var c = new PortfolioConstraints { MaxWeight = 0.2, Beta = new BetaNeutrality(beta, 0.9) };
        AllocationProblem p = AllocationProblem.Create(baseProblem.Covariance, baseProblem.ExpectedReturns, c);
        AllocationResult r = new MaximumSharpeEngine(0.02).Allocate(p);
        Assert.True(r.Success, r.FailureReason);
        Assert.True(r.ConstraintReport.AllPassed);
        Assert.True(r.Weights.Max() <= 0.2 + 1e-9);
        double best = r.Diagnostics["sharpe"];
        var rng = new Random(1);
        for (int trial = 0; trial < 200; trial++)
        {
            int[] pick = Enumerable.Range(0, assets.Count).OrderBy(_ => rng.Next()).Take(5).ToArray();
            double[] w = new double[assets.Count];
            foreach (int i in pick)
            {
                w[i] = 0.2;
            }

            if (!ConstraintEvaluator.Evaluate(p, w).AllPassed)
            {
                continue;
            }

            AllocationResult ew = new FixedWeights(w).Allocate(AllocationProblem.Create(p.Covariance, p.ExpectedReturns, c));
            Assert.True(ew.Diagnostics["expected_return"] - 0.02 <= best * ew.Diagnostics["volatility"] + 1e-12);
        }
    }

    [SharedDataFact]
    public void ReportAndResult_PypfoptMaxSharpe_AreJsonSerialisable()
    {
        (AllocationProblem p, _) = PeerReferenceTests.PypfoptMeanVariance();
        AllocationResult r = AllocationEngineRegistry.CreateWithFallback("max_sharpe", new Dictionary<string, string> { ["risk_free_rate"] = "0.02" }).Allocate(p);
        string json = System.Text.Json.JsonSerializer.Serialize(r, Json);
        Assert.Contains("\"ConstraintReport\"", json);
        Assert.Contains("\"Weights\"", json);
        Assert.True(r.Success);
    }

    /// <summary>Reports the diagnostics of a fixed weight vector through the engine base class.</summary>
    private sealed class FixedWeights(double[] w) : IAllocationEngine
    {
        public string Name => "fixed";

        public AllocationResult Allocate(AllocationProblem problem)
        {
            double ret = 0, variance = 0;
            for (int i = 0; i < w.Length; i++)
            {
                ret += w[i] * problem.ExpectedReturns![i];
                for (int j = 0; j < w.Length; j++)
                {
                    variance += w[i] * w[j] * problem.Covariance[i, j];
                }
            }

            return new AllocationResult
            {
                Engine = Name,
                RequestedEngine = Name,
                Success = true,
                Assets = problem.Assets,
                Weights = w,
                Diagnostics = new Dictionary<string, double> { ["expected_return"] = ret, ["volatility"] = Math.Sqrt(variance) },
                ConstraintReport = ConstraintEvaluator.Evaluate(problem, w),
            };
        }
    }
}
