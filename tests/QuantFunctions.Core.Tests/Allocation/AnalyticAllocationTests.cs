using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Allocation.Engines;
using QuantFunctions.Core.Risk;

namespace QuantFunctions.Core.Tests.Allocation;

public sealed class AnalyticAllocationTests
{
    [Fact]
    public void MinimumVariance_TwoAssets_MatchesClosedForm()
    {
        // w₁ = (σ₂² − ρσ₁σ₂)/(σ₁² + σ₂² − 2ρσ₁σ₂); σ₁ = 0.2, σ₂ = 0.3, ρ = 0.25 ⇒ w₁ = (0.09 − 0.015)/(0.13 − 0.03) = 0.75.
        double c = 0.25 * 0.2 * 0.3;
        AllocationProblem p = AllocationProblem.Create(CovarianceMatrix.Create(["a", "b"], [0.04, c, c, 0.09]));
        AllocationResult r = new MinimumVarianceEngine().Allocate(p);
        Assert.True(r.Success, r.FailureReason);
        Assert.Equal(0.75, r.Weights[0], 1e-12);
        Assert.Equal(0.25, r.Weights[1], 1e-12);
    }

    [Fact]
    public void MinimumVariance_Unconstrained_EqualsInverseTimesOnesNormalised()
    {
        // With loose bounds (±10) the optimum is Σ⁻¹1/(1ᵀΣ⁻¹1); Σ⁻¹1 computed by an independent Gauss-Jordan solve; abs 1e-10.
        double[] s =
        [
            0.04, 0.006, -0.004, 0.002,
            0.006, 0.09, 0.012, -0.003,
            -0.004, 0.012, 0.0625, 0.01,
            0.002, -0.003, 0.01, 0.0225,
        ];
        AllocationProblem p = AllocationProblem.Create(CovarianceMatrix.Create(["a", "b", "c", "d"], s), constraints: new PortfolioConstraints { MinWeight = -10, MaxWeight = 10 });
        AllocationResult r = new MinimumVarianceEngine().Allocate(p);
        double[] x = GaussJordanSolve(s, 4, [1, 1, 1, 1]);
        double sum = x.Sum();
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(x[i] / sum, r.Weights[i], 1e-10);
        }
    }

    [Fact]
    public void Erc_Uncorrelated_EqualsInverseVolatility()
    {
        // Diagonal Σ: equal risk contributions wᵢ²σᵢ² ⇒ wᵢ ∝ 1/σᵢ (Maillard et al. 2010); abs 1e-10.
        AllocationProblem p = AllocationProblem.Create(CovarianceMatrix.Create(["a", "b", "c"], [0.01, 0, 0, 0, 0.04, 0, 0, 0, 0.16]));
        AllocationResult erc = new RiskBudgetEngine().Allocate(p);
        AllocationResult iv = new InverseVolatilityEngine().Allocate(p);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(iv.Weights[i], erc.Weights[i], 1e-10);
        }

        Assert.Equal(4.0 / 7.0, iv.Weights[0], 1e-15);
    }

    [Fact]
    public void RiskBudget_GivenBudgets_RiskContributionsMatch()
    {
        double[] b = [0.5, 0.3, 0.2];
        AllocationProblem p = AllocationProblem.Create(CovarianceMatrix.Create(["a", "b", "c"], [0.04, 0.01, 0.002, 0.01, 0.09, 0.02, 0.002, 0.02, 0.0625]));
        AllocationResult r = new RiskBudgetEngine(b).Allocate(p);
        Assert.True(r.Success, r.FailureReason);
        double[] rc = RiskContributions(p.Covariance, r.Weights);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(b[i], rc[i], 1e-10);
        }
    }

    [Fact]
    public void QuadraticUtility_Unconstrained_EqualsScaledInverseTimesMu()
    {
        // max μᵀw − (δ/2)wᵀΣw with 1ᵀw = 1 and Σ = I: w = μ/δ + (1 − 1ᵀμ/δ)/n. μ = [0.1, 0.2], δ = 2 ⇒ w = [0.05 + 0.425, 0.1 + 0.425] = [0.475, 0.525].
        AllocationProblem p = AllocationProblem.Create(CovarianceMatrix.Create(["a", "b"], [1, 0, 0, 1]), [0.1, 0.2], new PortfolioConstraints { MinWeight = -5, MaxWeight = 5 });
        AllocationResult r = new QuadraticUtilityEngine(2).Allocate(p);
        Assert.Equal(0.475, r.Weights[0], 1e-12);
        Assert.Equal(0.525, r.Weights[1], 1e-12);
    }

    [Fact]
    public void EfficientReturn_TwoUncorrelatedAssets_HitsTarget()
    {
        // Σ = diag(0.04, 0.09), μ = [0.05, 0.15], target 0.12 binds (min-variance return 0.0808): w = [0.3, 0.7].
        AllocationProblem p = AllocationProblem.Create(CovarianceMatrix.Create(["a", "b"], [0.04, 0, 0, 0.09]), [0.05, 0.15]);
        AllocationResult r = new EfficientReturnEngine(0.12).Allocate(p);
        Assert.True(r.Success, r.FailureReason);
        Assert.Equal(0.3, r.Weights[0], 1e-10);
        Assert.Equal(0.12, r.Diagnostics["expected_return"], 1e-10);
    }

    [Fact]
    public void EfficientRisk_TwoUncorrelatedAssets_HitsTargetVolatility()
    {
        // Target σ = √(0.3²·0.04 + 0.7²·0.09) = √0.0477 is reached at w = [0.3, 0.7] on the efficient branch; abs 1e-7.
        AllocationProblem p = AllocationProblem.Create(CovarianceMatrix.Create(["a", "b"], [0.04, 0, 0, 0.09]), [0.05, 0.15]);
        AllocationResult r = new EfficientRiskEngine(Math.Sqrt(0.0477)).Allocate(p);
        Assert.True(r.Success, r.FailureReason);
        Assert.Equal(0.3, r.Weights[0], 1e-7);
        Assert.True(r.Diagnostics["volatility"] <= Math.Sqrt(0.0477) + 1e-12);
    }

    [Fact]
    public void MaximumSharpe_TwoUncorrelatedAssets_MatchesTangencyPortfolio()
    {
        // Unconstrained tangency w ∝ Σ⁻¹(μ − r_f) = [0.05/0.04, 0.10/0.09] = [1.25, 1.111…] ⇒ w₀ = 1.25/2.3611… = 0.529411…; abs 1e-9.
        AllocationProblem p = AllocationProblem.Create(CovarianceMatrix.Create(["a", "b"], [0.04, 0, 0, 0.09]), [0.07, 0.12]);
        AllocationResult r = new MaximumSharpeEngine(0.02).Allocate(p);
        Assert.True(r.Success, r.FailureReason);
        Assert.Equal(1.25 / (1.25 + (0.10 / 0.09)), r.Weights[0], 1e-9);
    }

    [Fact]
    public void Barbell_ProvidedScores_SplitsCoreAndSatellite()
    {
        // Core = min variance of diag(0.04, 0.09, 0.16) ∝ [1/0.04, 1/0.09, 1/0.16]; satellite = top-1 score (asset c).
        AllocationProblem p = AllocationProblem.Create(CovarianceMatrix.Create(["a", "b", "c"], [0.04, 0, 0, 0, 0.09, 0, 0, 0, 0.16]));
        var engine = new BarbellEngine(new BarbellOptions { CoreFraction = 0.8, SatelliteCount = 1, Score = BarbellScore.Provided, Scores = [0.1, -0.2, 0.9] });
        AllocationResult r = engine.Allocate(p);
        double[] inv = [25, 1 / 0.09, 6.25];
        double s = inv.Sum();
        Assert.Equal(0.8 * inv[0] / s, r.Weights[0], 1e-10);
        Assert.Equal((0.8 * inv[2] / s) + 0.2, r.Weights[2], 1e-10);
        Assert.Equal(1.0, r.Weights.Sum(), 12);
    }

    internal static double[] RiskContributions(CovarianceMatrix cov, IReadOnlyList<double> w)
    {
        int n = cov.Size;
        double[] rc = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            double m = 0;
            for (int j = 0; j < n; j++)
            {
                m += cov[i, j] * w[j];
            }

            rc[i] = w[i] * m;
            total += rc[i];
        }

        for (int i = 0; i < n; i++)
        {
            rc[i] /= total;
        }

        return rc;
    }

    private static double[] GaussJordanSolve(double[] a, int n, double[] b)
    {
        double[,] m = new double[n, n + 1];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                m[i, j] = a[(j * n) + i];
            }

            m[i, n] = b[i];
        }

        for (int c = 0; c < n; c++)
        {
            for (int r = 0; r < n; r++)
            {
                if (r == c)
                {
                    continue;
                }

                double f = m[r, c] / m[c, c];
                for (int k = c; k <= n; k++)
                {
                    m[r, k] -= f * m[c, k];
                }
            }
        }

        return Enumerable.Range(0, n).Select(i => m[i, n] / m[i, i]).ToArray();
    }
}
