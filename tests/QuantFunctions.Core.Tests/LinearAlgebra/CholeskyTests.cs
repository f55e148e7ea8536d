using QuantFunctions.Core.LinearAlgebra;

namespace QuantFunctions.Core.Tests.LinearAlgebra;

public sealed class CholeskyTests
{
    [Fact]
    public void TryFactorInPlace_HandMatrix_GivesKnownFactorAndSolve()
    {
        // A = [[4, 2], [2, 3]] = L·Lᵀ with L = [[2, 0], [1, √2]]; A·x = [2, 1] ⇒ x = [0.5, 0] (hand calculation).
        double[] a = [4, 2, 2, 3];
        Assert.True(Cholesky.TryFactorInPlace(a, 2));
        Assert.Equal(2.0, a[0], 15);
        Assert.Equal(1.0, a[1], 15);
        Assert.Equal(Math.Sqrt(2), a[3], 15);
        double[] b = [2, 1];
        Cholesky.SolveInPlace(a, 2, b);
        Assert.Equal(0.5, b[0], 15);
        Assert.Equal(0.0, b[1], 15);
    }

    [Fact]
    public void TryFactorInPlace_Indefinite_ReturnsFalse()
    {
        double[] a = [1, 2, 2, 1];
        Assert.False(Cholesky.TryFactorInPlace(a, 2));
    }

    [Fact]
    public void SolveInPlace_RandomSpd_ResidualIsRoundingLevel()
    {
        // A = BᵀB + I (n = 73, odd to exercise SIMD tails); ‖Ax − b‖∞ ≤ 1e-10.
        int n = 73;
        var rng = new Random(5);
        double[] bm = Enumerable.Range(0, n * n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        double[] a = new double[n * n];
        MatrixProducts.Gram(bm, n, n, a);
        for (int i = 0; i < n; i++)
        {
            a[(i * n) + i] += 1;
        }

        double[] rhs = Enumerable.Range(0, n).Select(i => Math.Sin(i)).ToArray();
        double[] l = (double[])a.Clone();
        Assert.True(Cholesky.TryFactorInPlace(l, n));
        double[] x = (double[])rhs.Clone();
        Cholesky.SolveInPlace(l, n, x);
        double[] ax = new double[n];
        MatrixProducts.Multiply(a, n, n, x, ax);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(rhs[i], ax[i], 1e-10);
        }
    }

    [Fact]
    public void TransposeMultiply_OddShapes_MatchesNaiveProduct()
    {
        // XᵀY for 409×6 and 409×9 (row blocks and tiles with tails) vs a naive triple loop; abs 1e-12.
        int t = 409, p = 6, q = 9;
        var rng = new Random(8);
        double[] x = Enumerable.Range(0, t * p).Select(_ => rng.NextDouble()).ToArray();
        double[] y = Enumerable.Range(0, t * q).Select(_ => rng.NextDouble()).ToArray();
        double[] c = new double[p * q];
        MatrixProducts.TransposeMultiply(x, p, y, q, t, c);
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < q; j++)
            {
                double s = 0;
                for (int k = 0; k < t; k++)
                {
                    s += x[(i * t) + k] * y[(j * t) + k];
                }

                Assert.Equal(s, c[(j * p) + i], 1e-12);
            }
        }
    }
}
