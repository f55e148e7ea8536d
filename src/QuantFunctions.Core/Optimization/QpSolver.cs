using System.Numerics.Tensors;
using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.LinearAlgebra;

namespace QuantFunctions.Core.Optimization;

/// <summary>
/// Convex quadratic-program solver: ADMM in the operator-splitting form of OSQP, followed by an
/// active-set polish that solves the KKT system of the predicted active set exactly.
/// </summary>
/// <remarks>
/// Stellato, Banjac, Goulart, Bemporad and Boyd (2020), "OSQP: an operator splitting solver for
/// quadratic programs", Math. Prog. Comp. 12: iterations x̃ = K⁻¹(σx − q + Aᵀ(ρz − y)),
/// z ← Π[l,u](αAx̃ + (1−α)z + y/ρ), y ← y + ρ(αAx̃ + (1−α)z − z⁺), with A = [I; G], the matrix
/// K = P + σI + AᵀρA factorised once by Cholesky (again only when ρ adapts), relaxation α = 1.6,
/// the residual-balancing ρ update and the primal-infeasibility certificate of the paper.
/// The polish then runs a primal-dual active-set loop (Hintermüller, Ito and Kunisch 2002) from
/// the ADMM active set: each step solves the equality-constrained reduced KKT system by Cholesky
/// and a Schur complement, frees variables with wrong-signed multipliers and fixes violated ones,
/// until the KKT conditions hold to rounding error.
/// </remarks>
public static class QpSolver
{
    private const double Sigma = 1e-6;
    private const double Alpha = 1.6;
    private const int CheckEvery = 10;
    private const double LooseTolerance = 1e-5;
    private const int FirstPolishAt = 25;

    /// <summary>Solves <paramref name="problem"/>.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="options">Tolerances and limits (defaults when null).</param>
    /// <param name="warmStart">An initial x (empty: zeros).</param>
    /// <exception cref="AllocationException">P is not positive semidefinite.</exception>
    public static QpSolution Solve(QuadraticProgram problem, QpSolverOptions? options = null, ReadOnlySpan<double> warmStart = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= QpSolverOptions.Default;
        var admm = new AdmmState(problem, options.Rho);
        if (warmStart.Length == problem.Size)
        {
            admm.WarmStart(warmStart);
        }

        int limit = options.MaxIterations;
        bool infeasible = false;
        if (options.Polish)
        {
            // Try the exact active-set polish early and then at doubling iteration counts: a rough
            // ADMM iterate usually predicts the active set, and a polish that meets every KKT
            // condition is the optimum of the convex QP, however early it was attempted.
            double loose = Math.Max(LooseTolerance, options.AbsoluteTolerance);
            double looseRel = Math.Max(LooseTolerance, options.RelativeTolerance);
            for (int checkpoint = FirstPolishAt; !infeasible; checkpoint *= 2)
            {
                infeasible = admm.Run(Math.Min(checkpoint, limit), loose, looseRel);
                if (!infeasible && ActiveSetPolish.TryPolish(problem, admm, out double[] polished, out double res1))
                {
                    return Finish(problem, polished, QpStatus.Solved, admm.Iterations, polished: true, res1);
                }

                if (admm.Converged || admm.Iterations >= limit)
                {
                    break;
                }
            }
        }

        if (!infeasible)
        {
            infeasible = admm.Run(limit, options.AbsoluteTolerance, options.RelativeTolerance);
        }

        if (!infeasible && options.Polish && ActiveSetPolish.TryPolish(problem, admm, out double[] polished2, out double res2))
        {
            return Finish(problem, polished2, QpStatus.Solved, admm.Iterations, polished: true, res2);
        }

        QpStatus status = infeasible ? QpStatus.PrimalInfeasible : admm.Converged ? QpStatus.Solved : QpStatus.MaxIterationsReached;
        return Finish(problem, admm.Solution(), status, admm.Iterations, polished: false, admm.LastDualResidual);
    }

    private static QpSolution Finish(QuadraticProgram qp, double[] x, QpStatus status, int iterations, bool polished, double dual)
    {
        int n = qp.Size;
        double[] px = new double[n];
        MatrixProducts.Multiply(qp.P, n, n, x, px);
        double objective = (0.5 * TensorPrimitives.Dot(x, px)) + TensorPrimitives.Dot(qp.Q, x);
        double primal = 0;
        for (int i = 0; i < n; i++)
        {
            primal = Math.Max(primal, Math.Max(qp.Lower[i] - x[i], x[i] - qp.Upper[i]));
        }

        for (int r = 0; r < qp.RowCount; r++)
        {
            double v = TensorPrimitives.Dot(qp.Row(r), x);
            primal = Math.Max(primal, Math.Max(qp.RowLower[r] - v, v - qp.RowUpper[r]));
        }

        return new QpSolution(x, status, iterations, polished, primal, dual, objective);
    }

    /// <summary>ρ for a constraint with bounds [lo, hi] (OSQP's rule).</summary>
    internal static double RhoFor(double lo, double hi, double rho) =>
        lo == hi ? 1e3 * rho : double.IsInfinity(lo) && double.IsInfinity(hi) ? 1e-6 : rho;

    /// <summary>Builds and factorises K = s·P + σI + diag(ρ_box) + Gᵀdiag(ρ_row)G (lower triangle).</summary>
    internal static void Factor(QuadraticProgram qp, double scale, ReadOnlySpan<double> rowG, double[] rhoBox, double[] rhoRow, double[] k)
    {
        int n = qp.Size;
        TensorPrimitives.Multiply(qp.P, scale, k);
        for (int i = 0; i < n; i++)
        {
            k[(i * n) + i] += Sigma + rhoBox[i];
        }

        for (int r = 0; r < rhoRow.Length; r++)
        {
            ReadOnlySpan<double> g = rowG.Slice(r * n, n);
            for (int j = 0; j < n; j++)
            {
                double c = rhoRow[r] * g[j];
                if (c != 0)
                {
                    Span<double> col = k.AsSpan((j * n) + j, n - j);
                    TensorPrimitives.MultiplyAdd(g[j..], c, col, col);
                }
            }
        }

        if (!Cholesky.TryFactorInPlace(k, n))
        {
            throw new AllocationException(ErrorCodes.NotPositiveSemidefinite, "the quadratic term P is not positive semidefinite", "P");
        }
    }

    /// <summary>The constants of the iteration.</summary>
    internal static (double Sigma, double Alpha, int CheckEvery) Constants => (Sigma, Alpha, CheckEvery);
}
