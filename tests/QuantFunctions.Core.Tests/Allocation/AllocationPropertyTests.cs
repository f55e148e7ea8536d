using FsCheck;
using FsCheck.Fluent;
using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Allocation.Engines;
using QuantFunctions.Core.Clustering;
using QuantFunctions.Core.LinearAlgebra;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Returns;
using QuantFunctions.Core.Risk;
using QuantFunctions.Core.Tests.Risk;

namespace QuantFunctions.Core.Tests.Allocation;

/// <summary>FsCheck invariants over random universes (seeds and sizes drawn by FsCheck).</summary>
public sealed class AllocationPropertyTests
{
    private static readonly Arbitrary<(int Seed, int Assets)> Universes =
        Gen.Choose(1, 1_000_000).SelectMany(seed => Gen.Choose(2, 25).Select(n => (seed, n))).ToArbitrary();

    [Fact]
    public void LongOnlyEngines_AnyUniverse_WeightsNonNegativeAndSumToOne()
    {
        // Long-only weights ≥ 0 and Σw = 1 within 1e-9, for every engine that targets long-only portfolios.
        Check.QuickThrowOnFailure(Prop.ForAll(Universes, u =>
        {
            AllocationProblem p = Problem(u.Seed, u.Assets);
            IAllocationEngine[] engines = [new MinimumVarianceEngine(), new HrpEngine(LinkageMethod.Ward), new RiskBudgetEngine(), new InverseVolatilityEngine(), new MaximumSharpeEngine()];
            foreach (IAllocationEngine e in engines)
            {
                AllocationResult r = e.Allocate(p);
                if (!r.Success || r.Weights.Any(w => w < -1e-12) || Math.Abs(r.Weights.Sum() - 1) > 1e-9)
                {
                    return false;
                }
            }

            return true;
        }));
    }

    [Fact]
    public void Covariance_AnyReturns_IsPositiveSemidefinite()
    {
        // Sample, EWMA and Ledoit-Wolf estimates are PSD: Cholesky of Σ + 1e-12·tr(Σ)/N·I succeeds.
        Check.QuickThrowOnFailure(Prop.ForAll(Universes, u =>
        {
            ReturnPanel r = CovarianceTests.RandomReturns(u.Assets, 3 + (u.Seed % 40), u.Seed);
            CovarianceMatrix[] all =
            [
                SampleCovariance.Compute(r), EwmaCovariance.Compute(r, 0.94), LedoitWolf.Estimate(r).Covariance,
                LedoitWolf.Estimate(r, ShrinkageTarget.ConstantCorrelation).Covariance,
            ];
            return all.All(IsPsd);
        }));
    }

    [Fact]
    public void RiskBudget_AnyBudget_RiskContributionsEqualBudget()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Universes, u =>
        {
            AllocationProblem p = Problem(u.Seed, u.Assets);
            var rng = new Random(u.Seed);
            double[] b = Enumerable.Range(0, u.Assets).Select(_ => 0.1 + rng.NextDouble()).ToArray();
            double sum = b.Sum();
            b = b.Select(x => x / sum).ToArray();
            b[^1] = 1 - b[..^1].Sum();
            AllocationResult r = new RiskBudgetEngine(b).Allocate(p);
            double[] rc = AnalyticAllocationTests.RiskContributions(p.Covariance, r.Weights);
            return r.Success && rc.Zip(b).All(t => Math.Abs(t.First - t.Second) < 1e-9);
        }));
    }

    [Fact]
    public void PermutationInvariantEngines_ReorderedAssets_GiveReorderedWeights()
    {
        // Minimum variance, ERC, inverse volatility and maximum Sharpe do not depend on asset order; abs 1e-8.
        Check.QuickThrowOnFailure(Prop.ForAll(Universes, u =>
        {
            AllocationProblem p = Problem(u.Seed, u.Assets);
            int n = u.Assets;
            int[] perm = Enumerable.Range(0, n).OrderBy(i => new Random(u.Seed + i).Next()).ToArray();
            double[] s = new double[n * n];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    s[(j * n) + i] = p.Covariance[perm[i], perm[j]];
                }
            }

            AllocationProblem q = AllocationProblem.Create(
                CovarianceMatrix.Create(perm.Select(i => p.Assets[i]).ToArray(), s),
                perm.Select(i => p.ExpectedReturns![i]).ToArray());
            IAllocationEngine[] engines = [new MinimumVarianceEngine(), new RiskBudgetEngine(), new InverseVolatilityEngine(), new MaximumSharpeEngine()];
            foreach (IAllocationEngine e in engines)
            {
                AllocationResult a = e.Allocate(p), b = e.Allocate(q);
                for (int i = 0; i < n; i++)
                {
                    if (Math.Abs(b.Weights[i] - a.Weights[perm[i]]) > 1e-8)
                    {
                        return false;
                    }
                }
            }

            return true;
        }));
    }

    private static AllocationProblem Problem(int seed, int n)
    {
        ReturnPanel r = CovarianceTests.RandomReturns(n, 120, seed);
        double[] mu = ExpectedReturns.ArithmeticMean(r, 252);
        mu[0] = Math.Abs(mu[0]) + 0.05;
        return AllocationProblem.Create(SampleCovariance.Compute(r, 252), mu);
    }

    private static bool IsPsd(CovarianceMatrix c)
    {
        int n = c.Size;
        double[] a = c.ToArray();
        double tr = 0;
        for (int i = 0; i < n; i++)
        {
            tr += a[(i * n) + i];
        }

        for (int i = 0; i < n; i++)
        {
            a[(i * n) + i] += 1e-12 * tr / n;
        }

        return Cholesky.TryFactorInPlace(a, n);
    }
}
