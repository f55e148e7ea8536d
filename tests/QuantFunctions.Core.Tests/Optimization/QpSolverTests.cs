using QuantFunctions.Core.Optimization;

namespace QuantFunctions.Core.Tests.Optimization;

public sealed class QpSolverTests
{
    private static readonly double[] Inf2 = [double.PositiveInfinity, double.PositiveInfinity];

    [Fact]
    public void Solve_BoxOnlyIdentity_ReturnsClampedTarget()
    {
        // min ½‖x − c‖² over [0, 1]³ is clamp(c, 0, 1) (hand calculation).
        double[] c = [1.7, -0.3, 0.4];
        var qp = new QuadraticProgram(Identity(3), [-c[0], -c[1], -c[2]], [0, 0, 0], [1, 1, 1], [], [], []);
        QpSolution s = QpSolver.Solve(qp);
        Assert.True(s.Converged);
        Assert.True(s.Polished);
        Assert.Equal(1.0, s.X[0], 12);
        Assert.Equal(0.0, s.X[1], 12);
        Assert.Equal(0.4, s.X[2], 12);
    }

    [Fact]
    public void Solve_EqualityOnly_MatchesClosedForm()
    {
        // min ½xᵀPx s.t. 1ᵀx = 1 ⇒ x = P⁻¹1 / (1ᵀP⁻¹1). P = [[4,1],[1,2]]: P⁻¹1 ∝ [1, 3] ⇒ x = [0.25, 0.75].
        var qp = new QuadraticProgram([4, 1, 1, 2], [0, 0], [double.NegativeInfinity, double.NegativeInfinity], Inf2, [1, 1], [1], [1]);
        QpSolution s = QpSolver.Solve(qp);
        Assert.True(s.Converged);
        Assert.Equal(0.25, s.X[0], 12);
        Assert.Equal(0.75, s.X[1], 12);
        Assert.Equal(0.5 * ((4 * 0.0625) + (2 * 0.25 * 0.75) + (2 * 0.5625)), s.Objective, 12);
    }

    [Fact]
    public void Solve_ActiveUpperBound_ShiftsWeightToOtherAssets()
    {
        // P = I (3 assets), sum = 1, x₀ ≥ 0.5 forced by lower bound: x = [0.5, 0.25, 0.25] (by symmetry).
        var qp = new QuadraticProgram(Identity(3), [0, 0, 0], [0.5, 0, 0], [1, 1, 1], [1, 1, 1], [1], [1]);
        QpSolution s = QpSolver.Solve(qp);
        Assert.True(s.Converged);
        Assert.Equal(0.5, s.X[0], 12);
        Assert.Equal(0.25, s.X[1], 12);
        Assert.Equal(0.25, s.X[2], 12);
    }

    [Fact]
    public void Solve_LinearInequality_Binds()
    {
        // min ½‖x‖² − [1,1]ᵀx s.t. x₀ + 2x₁ ≤ 1. KKT: x = (1 − ν, 1 − 2ν), 3 − 5ν = 1 ⇒ ν = 0.4, x = (0.6, 0.2).
        var qp = new QuadraticProgram(Identity(2), [-1, -1], [double.NegativeInfinity, double.NegativeInfinity], Inf2, [1, 2], [double.NegativeInfinity], [1]);
        QpSolution s = QpSolver.Solve(qp);
        Assert.True(s.Converged);
        Assert.Equal(0.6, s.X[0], 12);
        Assert.Equal(0.2, s.X[1], 12);
    }

    [Fact]
    public void Solve_InfeasibleConstraints_IsNotSolved()
    {
        // x ≥ 0.6 for both variables but x₀ + x₁ = 1: no feasible point.
        var qp = new QuadraticProgram(Identity(2), [0, 0], [0.6, 0.6], [1, 1], [1, 1], [1], [1]);
        QpSolution s = QpSolver.Solve(qp, new QpSolverOptions { MaxIterations = 2000 });
        Assert.False(s.Converged);
        Assert.True(s.PrimalResidual > 0.05);
    }

    [Fact]
    public void Solve_LargeRandomLongOnly_SatisfiesKkt()
    {
        // Random PD covariance (n = 60), long-only budget: verify KKT directly: equal marginal risk on the
        // support, larger marginal risk off it (tolerance 1e-9 relative).
        int n = 60;
        var rng = new Random(7);
        double[] a = new double[n * 2 * n];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = rng.NextDouble() - 0.5 + (i % n == 0 ? 0.3 : 0);
        }

        double[] p = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double v = 0;
                for (int t = 0; t < 2 * n; t++)
                {
                    v += a[(i * 2 * n) + t] * a[(j * 2 * n) + t];
                }

                p[(j * n) + i] = v;
            }
        }

        double[] ones = Enumerable.Repeat(1.0, n).ToArray();
        var qp = new QuadraticProgram(p, new double[n], new double[n], ones, ones, [1], [1]);
        QpSolution s = QpSolver.Solve(qp);
        Assert.True(s.Converged);
        Assert.Equal(1.0, s.X.Sum(), 12);
        double[] g = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                g[i] += p[(j * n) + i] * s.X[j];
            }
        }

        double lambda = Enumerable.Range(0, n).Where(i => s.X[i] > 1e-12).Average(i => g[i]);
        for (int i = 0; i < n; i++)
        {
            Assert.True(s.X[i] >= 0);
            if (s.X[i] > 1e-12)
            {
                Assert.Equal(lambda, g[i], 9);
            }
            else
            {
                Assert.True(g[i] >= lambda - 1e-9);
            }
        }
    }

    internal static double[] Identity(int n)
    {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            m[(i * n) + i] = 1;
        }

        return m;
    }
}
