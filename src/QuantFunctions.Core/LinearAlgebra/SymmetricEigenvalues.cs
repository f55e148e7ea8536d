using System.Numerics.Tensors;

namespace QuantFunctions.Core.LinearAlgebra;

/// <summary>
/// The smallest and largest eigenvalues of a dense symmetric matrix, without eigenvectors: Householder reduction to
/// tridiagonal form, then bisection on Sturm sequence counts.
/// </summary>
/// <remarks>
/// Reduction (Golub and Van Loan, Matrix Computations, 4th ed., §8.3.1): for each column k a reflector
/// H = I − β·v·vᵀ zeroes A[k+2:, k]; the trailing block becomes A − v·wᵀ − w·vᵀ with p = β·A·v and
/// w = p − (β/2)(pᵀv)·v. Every product and update is a contiguous row operation on the lower triangle,
/// vectorised with <see cref="TensorPrimitives"/>; cost about 4n³/3 flops and no n×n workspace beyond one copy of the input.
/// Bisection (§8.4.1): the number of negative terms of q₀ = d₀ − x, qᵢ = dᵢ − x − eᵢ₋₁²/qᵢ₋₁ is the number of
/// eigenvalues below x; the interval starts from the Gershgorin bounds and is halved until its end points are
/// adjacent doubles, so each extreme is found to the accuracy of the tridiagonal form (backward stable, within a
/// small multiple of ε·‖A‖).
/// </remarks>
public static class SymmetricEigenvalues
{
    private const double MachineEpsilon = 2.220446049250313e-16; // 2⁻⁵²

    /// <summary>The smallest and largest eigenvalue of the symmetric n×n matrix <paramref name="a"/>.</summary>
    /// <param name="a">The matrix, n×n (row- or column-major: it is symmetric); not modified. Only its values are read.</param>
    /// <param name="n">The order, at least 1.</param>
    /// <returns>(λmin, λmax).</returns>
    /// <exception cref="ArgumentException">A non-finite entry, or fewer than n² values.</exception>
    public static (double Min, double Max) Extremes(ReadOnlySpan<double> a, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(a.Length, n * n);
        if (HasNonFinite(a[..(n * n)]))
        {
            throw new ArgumentException("the matrix has a non-finite entry", nameof(a));
        }

        double[] work = a[..(n * n)].ToArray();
        double[] diagonal = new double[n];
        double[] offDiagonal = new double[Math.Max(n - 1, 0)];
        Tridiagonalize(work, n, diagonal, offDiagonal);
        return (Bisect(diagonal, offDiagonal, smallest: true), Bisect(diagonal, offDiagonal, smallest: false));
    }

    private static bool HasNonFinite(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reduces the symmetric matrix in <paramref name="a"/> to tridiagonal (d, e), reading and overwriting only its lower triangle (row-major).</summary>
    private static void Tridiagonalize(double[] a, int n, double[] d, double[] e)
    {
        double[] v = new double[n];
        double[] w = new double[n];
        for (int k = 0; k < n - 2; k++)
        {
            int m = n - k - 1; // order of the trailing block A[k+1:, k+1:]
            Span<double> x = v.AsSpan(0, m);
            for (int i = 0; i < m; i++)
            {
                x[i] = a[((k + 1 + i) * n) + k];
            }

            d[k] = a[(k * n) + k];
            double norm = TensorPrimitives.Norm(x);
            if (norm == 0)
            {
                e[k] = 0;
                continue;
            }

            // α = −sign(x₀)·‖x‖ avoids cancellation in v₀ = x₀ − α.
            double alpha = x[0] >= 0 ? -norm : norm;
            e[k] = alpha;
            x[0] -= alpha;
            double vv = TensorPrimitives.Dot(x, x);
            double beta = 2.0 / vv;

            // p = β·A₂₂·v from the lower triangle: row i contributes its dot with v to pᵢ and, by symmetry, its
            // entries left of the diagonal times vᵢ to p₀..pᵢ₋₁.
            Span<double> p = w.AsSpan(0, m);
            p.Clear();
            for (int i = 0; i < m; i++)
            {
                ReadOnlySpan<double> row = a.AsSpan(((k + 1 + i) * n) + k + 1, i + 1);
                p[i] += TensorPrimitives.Dot(row, x[..(i + 1)]);
                if (i > 0)
                {
                    TensorPrimitives.MultiplyAdd(row[..i], x[i], p[..i], p[..i]);
                }
            }

            TensorPrimitives.Multiply(p, beta, p);
            double kappa = 0.5 * beta * TensorPrimitives.Dot(p, x);
            TensorPrimitives.MultiplyAdd(x, -kappa, p, p);

            // A₂₂ ← A₂₂ − v·wᵀ − w·vᵀ on the lower triangle, row by row.
            for (int i = 0; i < m; i++)
            {
                Span<double> row = a.AsSpan(((k + 1 + i) * n) + k + 1, i + 1);
                TensorPrimitives.MultiplyAdd(p[..(i + 1)], -x[i], row, row);
                TensorPrimitives.MultiplyAdd(x[..(i + 1)], -p[i], row, row);
            }
        }

        if (n >= 2)
        {
            d[n - 2] = a[((n - 2) * n) + n - 2];
            e[n - 2] = a[((n - 1) * n) + n - 2];
        }

        d[n - 1] = a[((n - 1) * n) + n - 1];
    }

    /// <summary>The smallest (or largest) eigenvalue of the tridiagonal (d, e) by bisection on Sturm counts.</summary>
    private static double Bisect(double[] d, double[] e, bool smallest)
    {
        int n = d.Length;
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            double radius = (i > 0 ? Math.Abs(e[i - 1]) : 0) + (i < n - 1 ? Math.Abs(e[i]) : 0);
            lo = Math.Min(lo, d[i] - radius);
            hi = Math.Max(hi, d[i] + radius);
        }

        // Widen slightly so that the Gershgorin end points themselves are strict bounds.
        double pad = double.Epsilon + (4 * MachineEpsilon * Math.Max(Math.Abs(lo), Math.Abs(hi)));
        lo -= pad;
        hi += pad;
        int target = smallest ? 1 : n; // the eigenvalue is the smallest x with CountBelow(x) ≥ target (count ≤ x)
        while (true)
        {
            double mid = lo + (0.5 * (hi - lo));
            if (mid <= lo || mid >= hi)
            {
                return hi;
            }

            if (CountAtMost(d, e, mid) >= target)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }
    }

    /// <summary>The number of eigenvalues ≤ x of the tridiagonal (d, e): the non-positive terms of the Sturm sequence.</summary>
    private static int CountAtMost(double[] d, double[] e, double x)
    {
        int count = 0;
        double q = 1;
        for (int i = 0; i < d.Length; i++)
        {
            double off = i > 0 ? e[i - 1] : 0;
            q = d[i] - x - (i > 0 ? off * off / q : 0);
            if (q == 0)
            {
                // An exact zero pivot: perturb to the side that counts x itself as an eigenvalue ≤ x.
                q = -double.Epsilon;
            }

            if (q < 0)
            {
                count++;
            }
        }

        return count;
    }
}
