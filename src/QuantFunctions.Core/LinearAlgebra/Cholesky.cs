using System.Numerics.Tensors;

namespace QuantFunctions.Core.LinearAlgebra;

/// <summary>
/// Cholesky factorisation A = L·Lᵀ of a symmetric positive-definite matrix stored dense and
/// column-major, and the triangular solves that go with it. Solve with the factor; never invert.
/// </summary>
/// <remarks>
/// Left-looking column algorithm (Golub and Van Loan, Matrix Computations, 4th ed., Alg. 4.2.1):
/// column j of L is A[j:, j] − Σₖ₍ₖ₌₀..ⱼ₋₁₎ L[j,k]·L[j:, k], scaled by 1/√pivot. Every update is a
/// contiguous AXPY over a column, vectorised with <see cref="TensorPrimitives"/>. Cost n³/3 flops.
/// </remarks>
public static class Cholesky
{
    /// <summary>
    /// Overwrites the lower triangle (diagonal included) of <paramref name="a"/> with L. The strict
    /// upper triangle is not read and is left as it was.
    /// </summary>
    /// <param name="a">An n×n symmetric matrix, column-major.</param>
    /// <param name="n">The order.</param>
    /// <returns>False when a pivot is not positive (the matrix is not positive definite); A is then partly overwritten.</returns>
    public static bool TryFactorInPlace(Span<double> a, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(a.Length, n * n);
        for (int j = 0; j < n; j++)
        {
            Span<double> colJ = a.Slice((j * n) + j, n - j);
            for (int k = 0; k < j; k++)
            {
                double ljk = a[(k * n) + j];
                if (ljk != 0)
                {
                    TensorPrimitives.MultiplyAdd(a.Slice((k * n) + j, n - j), -ljk, colJ, colJ);
                }
            }

            double pivot = colJ[0];
            if (!(pivot > 0) || double.IsInfinity(pivot))
            {
                return false;
            }

            double d = Math.Sqrt(pivot);
            colJ[0] = d;
            if (colJ.Length > 1)
            {
                TensorPrimitives.Multiply(colJ[1..], 1.0 / d, colJ[1..]);
            }
        }

        return true;
    }

    /// <summary>Solves L·Lᵀ·x = b in place, given the factor from <see cref="TryFactorInPlace"/>.</summary>
    /// <param name="l">The factor (lower triangle used), column-major n×n.</param>
    /// <param name="n">The order.</param>
    /// <param name="b">The right-hand side on entry, the solution on exit.</param>
    public static void SolveInPlace(ReadOnlySpan<double> l, int n, Span<double> b)
    {
        ForwardInPlace(l, n, b);
        BackwardInPlace(l, n, b);
    }

    /// <summary>Solves L·y = b in place (forward substitution, column AXPY form).</summary>
    /// <param name="l">The factor, column-major n×n.</param>
    /// <param name="n">The order.</param>
    /// <param name="b">The right-hand side on entry, y on exit.</param>
    public static void ForwardInPlace(ReadOnlySpan<double> l, int n, Span<double> b)
    {
        for (int j = 0; j < n; j++)
        {
            double v = b[j] / l[(j * n) + j];
            b[j] = v;
            if (v != 0 && j + 1 < n)
            {
                Span<double> tail = b[(j + 1)..n];
                TensorPrimitives.MultiplyAdd(l.Slice((j * n) + j + 1, n - j - 1), -v, tail, tail);
            }
        }
    }

    /// <summary>Solves Lᵀ·x = y in place (back substitution, dot-product form).</summary>
    /// <param name="l">The factor, column-major n×n.</param>
    /// <param name="n">The order.</param>
    /// <param name="y">The right-hand side on entry, x on exit.</param>
    public static void BackwardInPlace(ReadOnlySpan<double> l, int n, Span<double> y)
    {
        for (int j = n - 1; j >= 0; j--)
        {
            double s = y[j];
            if (j + 1 < n)
            {
                s -= TensorPrimitives.Dot(l.Slice((j * n) + j + 1, n - j - 1), y[(j + 1)..n]);
            }

            y[j] = s / l[(j * n) + j];
        }
    }
}
