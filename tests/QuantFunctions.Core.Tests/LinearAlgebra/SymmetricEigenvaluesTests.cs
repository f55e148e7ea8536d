using MathNet.Numerics.LinearAlgebra;
using QuantFunctions.Core.LinearAlgebra;
using Xunit;

namespace QuantFunctions.Core.Tests.LinearAlgebra;

public sealed class SymmetricEigenvaluesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(50)]
    [InlineData(200)]
    public void Toeplitz_MatchesClosedForm(int n)
    {
        // tridiag(−1, 2, −1): λₖ = 2 − 2cos(kπ/(n+1)), k = 1..n (a standard closed form). Stored dense, so the
        // Householder reduction runs on an already tridiagonal matrix.
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            a[(i * n) + i] = 2;
            if (i + 1 < n)
            {
                a[(i * n) + i + 1] = -1;
                a[((i + 1) * n) + i] = -1;
            }
        }

        (double min, double max) = SymmetricEigenvalues.Extremes(a, n);
        Assert.Equal(2 - (2 * Math.Cos(Math.PI / (n + 1))), min, 1e-14);
        Assert.Equal(2 - (2 * Math.Cos(n * Math.PI / (n + 1))), max, 1e-14);
    }

    [Fact]
    public void RotatedDiagonal_RecoversTheSpectrum()
    {
        // Q·diag(λ)·Qᵀ with Q a product of Givens rotations: the spectrum is known exactly, including a tiny
        // eigenvalue (κ = 1e10), which bisection must resolve to within ε·‖A‖.
        const int n = 40;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++)
        {
            lambda[i] = 1.0 + i;
        }

        lambda[17] = 4e-9;
        Matrix<double> q = Matrix<double>.Build.DenseIdentity(n);
        var random = new Random(7);
        for (int r = 0; r < 400; r++)
        {
            int i = random.Next(n), j = random.Next(n);
            if (i == j)
            {
                continue;
            }

            double theta = random.NextDouble() * Math.PI;
            Matrix<double> g = Matrix<double>.Build.DenseIdentity(n);
            g[i, i] = Math.Cos(theta);
            g[j, j] = Math.Cos(theta);
            g[i, j] = -Math.Sin(theta);
            g[j, i] = Math.Sin(theta);
            q = g * q;
        }

        Matrix<double> a = q * Matrix<double>.Build.DenseOfDiagonalArray(lambda) * q.Transpose();
        a = 0.5 * (a + a.Transpose());
        (double min, double max) = SymmetricEigenvalues.Extremes(a.ToColumnMajorArray(), n);
        Assert.Equal(40.0, max, 1e-12);
        Assert.Equal(4e-9, min, 1e-13);
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(60, 2)]
    [InlineData(150, 3)]
    public void SampleCovariance_AgreesWithMathNetEvd(int n, int seed)
    {
        // A rank-deficient-ish sample covariance (T = n + 5 observations): MathNet's full symmetric EVD is the oracle.
        int t = n + 5;
        var random = new Random(seed);
        double[] x = new double[t * n];
        for (int k = 0; k < x.Length; k++)
        {
            x[k] = random.NextDouble() - 0.5;
        }

        Matrix<double> m = Matrix<double>.Build.DenseOfColumnMajor(t, n, x);
        Matrix<double> cov = m.TransposeThisAndMultiply(m) / t;
        (double min, double max) = SymmetricEigenvalues.Extremes(cov.ToColumnMajorArray(), n);
        var evd = cov.Evd(Symmetricity.Symmetric);
        double refMin = double.PositiveInfinity, refMax = double.NegativeInfinity;
        foreach (var e in evd.EigenValues)
        {
            refMin = Math.Min(refMin, e.Real);
            refMax = Math.Max(refMax, e.Real);
        }

        Assert.Equal(refMax, max, refMax * 1e-12);
        Assert.Equal(refMin, min, refMax * 1e-13);
    }

    [Fact]
    public void NonFiniteEntry_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => SymmetricEigenvalues.Extremes([1, double.NaN, double.NaN, 1], 2));
    }
}
