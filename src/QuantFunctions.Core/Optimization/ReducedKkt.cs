using System.Numerics.Tensors;
using QuantFunctions.Core.LinearAlgebra;

namespace QuantFunctions.Core.Optimization;

/// <summary>
/// The equality-constrained QP of an active set: minimise over the free variables F with the
/// others fixed and the active rows E held at their bounds. Solved by Cholesky of P_FF and the
/// Schur complement S = G_EF P_FF⁻¹ G_EFᵀ: S·ν = G_EF·P_FF⁻¹·h − b, x_F = P_FF⁻¹(h − G_EFᵀν).
/// </summary>
internal static class ReducedKkt
{
    private const double Regularisation = 1e-13;

    /// <param name="qp">The problem.</param>
    /// <param name="free">Indices of free variables.</param>
    /// <param name="active">Indices of active rows.</param>
    /// <param name="atLower">Per row: held at its lower bound (else upper).</param>
    /// <param name="x">In: fixed values at non-free indices. Out: the solution.</param>
    /// <param name="nu">Out: row multipliers (0 for inactive rows).</param>
    public static bool Solve(QuadraticProgram qp, List<int> free, List<int> active, bool[] atLower, double[] x, double[] nu)
    {
        int n = qp.Size, m = free.Count, e = active.Count;
        foreach (int i in free)
        {
            x[i] = 0;
        }

        double[] t = new double[n];
        MatrixProducts.Multiply(qp.P, n, n, x, t);
        double[] h = new double[m];
        double maxDiag = 0;
        double[] mat = new double[m * m];
        for (int b = 0; b < m; b++)
        {
            int fb = free[b];
            h[b] = -qp.Q[fb] - t[fb];
            ReadOnlySpan<double> col = qp.P.AsSpan(fb * n, n);
            for (int a = 0; a < m; a++)
            {
                mat[(b * m) + a] = col[free[a]];
            }

            maxDiag = Math.Max(maxDiag, col[fb]);
        }

        for (int a = 0; a < m; a++)
        {
            mat[(a * m) + a] += Regularisation * Math.Max(maxDiag, 1e-300);
        }

        if (m > 0 && !Cholesky.TryFactorInPlace(mat, m))
        {
            return false;
        }

        Cholesky.SolveInPlace(mat, m, h);
        if (e > 0)
        {
            double[] w = new double[m * e];
            double[] rhs = new double[e];
            for (int c = 0; c < e; c++)
            {
                int r = active[c];
                ReadOnlySpan<double> row = qp.Row(r);
                Span<double> wc = w.AsSpan(c * m, m);
                for (int a = 0; a < m; a++)
                {
                    wc[a] = row[free[a]];
                }

                double target = atLower[r] ? qp.RowLower[r] : qp.RowUpper[r];
                rhs[c] = TensorPrimitives.Dot(row, x) - target;
                Cholesky.SolveInPlace(mat, m, wc);
            }

            // S = G_EF · W; right side G_EF·u − (b − G_EB·x_B), with u = h.
            double[] s = new double[e * e];
            double sMax = 0;
            for (int c = 0; c < e; c++)
            {
                ReadOnlySpan<double> row = qp.Row(active[c]);
                double gu = 0;
                for (int a = 0; a < m; a++)
                {
                    gu += row[free[a]] * h[a];
                }

                rhs[c] += gu;
                for (int d = 0; d < e; d++)
                {
                    double v = 0;
                    ReadOnlySpan<double> wd = w.AsSpan(d * m, m);
                    for (int a = 0; a < m; a++)
                    {
                        v += row[free[a]] * wd[a];
                    }

                    s[(d * e) + c] = v;
                }

                sMax = Math.Max(sMax, s[(c * e) + c]);
            }

            if (!(sMax > 0))
            {
                return false;
            }

            for (int c = 0; c < e; c++)
            {
                s[(c * e) + c] += Regularisation * sMax;
            }

            if (!Cholesky.TryFactorInPlace(s, e))
            {
                return false;
            }

            Cholesky.SolveInPlace(s, e, rhs);
            for (int c = 0; c < e; c++)
            {
                nu[active[c]] = rhs[c];
                TensorPrimitives.MultiplyAdd(w.AsSpan(c * m, m), -rhs[c], h, h);
            }
        }

        for (int a = 0; a < m; a++)
        {
            x[free[a]] = h[a];
        }

        return true;
    }
}
