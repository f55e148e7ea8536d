using System.Buffers;
using System.Numerics.Tensors;
using QuantFunctions.Core.LinearAlgebra;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Returns;

namespace QuantFunctions.Core.Risk;

/// <summary>Ledoit-Wolf shrinkage covariance estimators (complete rows of the returns).</summary>
public static class LedoitWolf
{
    /// <summary>Estimates the shrunk covariance towards <paramref name="target"/>.</summary>
    /// <remarks>
    /// Scaled identity (Ledoit and Wolf 2004, J. Multivariate Analysis 88, Lemma 3.2; scikit-learn
    /// <c>ledoit_wolf</c>): S = XcᵀXc/T (biased), μ = tr(S)/N, d² = ‖S − μI‖²_F/N,
    /// b̄² = (1/(N·T)) · (Σₜ‖xₜ‖⁴/T − ‖S‖²_F), δ = min(b̄², d²)/d².
    /// Constant correlation (Ledoit and Wolf 2004, J. Portfolio Management 30(4)): S with ddof 1,
    /// F = r̄·√(sᵢᵢsⱼⱼ) off the diagonal, δ = max(0, min(1, (π̂ − ρ̂)/(γ̂·T))) — PyPortfolioOpt's
    /// <c>ledoit_wolf(shrinkage_target="constant_correlation")</c>.
    /// </remarks>
    /// <param name="returns">Periodic returns; rows with a missing value are excluded.</param>
    /// <param name="target">The shrinkage target.</param>
    /// <param name="periodsPerYear">Annualisation factor applied to the result.</param>
    /// <exception cref="Allocation.AllocationException">Fewer than 2 complete rows; zero-variance asset.</exception>
    public static ShrinkageEstimate Estimate(ReturnPanel returns, ShrinkageTarget target = ShrinkageTarget.ScaledIdentity, int periodsPerYear = 1)
    {
        ReturnsInput.Validate(returns);
        ExpectedReturns.CheckPeriodsPerYear(periodsPerYear);
        int n = returns.ColumnCount;
        double[] x = ArrayPool<double>.Shared.Rent(returns.RowCount * n);
        try
        {
            int t = SampleCovariance.CentreCompleteRows(returns, x, out _);
            Span<double> xc = x.AsSpan(0, t * n);
            double[] s = new double[n * n];
            MatrixProducts.Gram(xc, t, n, s);
            return target == ShrinkageTarget.ScaledIdentity
                ? ScaledIdentity(returns, xc, t, s, periodsPerYear)
                : ConstantCorrelation(returns, xc, t, s, periodsPerYear);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(x);
        }
    }

    private static ShrinkageEstimate ScaledIdentity(ReturnPanel returns, ReadOnlySpan<double> xc, int t, double[] s, int periodsPerYear)
    {
        int n = returns.ColumnCount;
        TensorPrimitives.Multiply(s, 1.0 / t, s);
        double trace = 0;
        for (int i = 0; i < n; i++)
        {
            trace += s[(i * n) + i];
        }

        double mu = trace / n;

        // Σₜ ‖xₜ‖⁴: squared row norms accumulated column by column.
        double[] rowNorm2 = new double[t];
        for (int j = 0; j < n; j++)
        {
            ReadOnlySpan<double> col = xc.Slice(j * t, t);
            for (int k = 0; k < t; k++)
            {
                rowNorm2[k] += col[k] * col[k];
            }
        }

        double sumNorm4 = TensorPrimitives.SumOfSquares(rowNorm2);
        double frob2 = TensorPrimitives.SumOfSquares(s);
        double beta = ((sumNorm4 / t) - frob2) / ((double)n * t);
        double delta = (frob2 - (2 * mu * trace) + (n * mu * mu)) / n;
        beta = Math.Min(beta, delta);
        double shrinkage = beta == 0 ? 0 : beta / delta;

        TensorPrimitives.Multiply(s, (1 - shrinkage) * periodsPerYear, s);
        for (int i = 0; i < n; i++)
        {
            s[(i * n) + i] += shrinkage * mu * periodsPerYear;
        }

        return new ShrinkageEstimate(CovarianceMatrix.FromEstimator(returns.Columns, s), shrinkage, ShrinkageTarget.ScaledIdentity);
    }

    private static ShrinkageEstimate ConstantCorrelation(ReturnPanel returns, ReadOnlySpan<double> xc, int t, double[] gram, int periodsPerYear)
    {
        int n = returns.ColumnCount;
        double[] s = new double[n * n];
        TensorPrimitives.Multiply(gram, 1.0 / (t - 1), s);
        double[] sd = new double[n];
        for (int i = 0; i < n; i++)
        {
            sd[i] = Math.Sqrt(s[(i * n) + i]);
        }

        double corrSum = 0;
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                if (i != j)
                {
                    corrSum += s[(j * n) + i] / (sd[i] * sd[j]);
                }
            }
        }

        double rBar = n > 1 ? corrSum / (n * (n - 1.0)) : 0;

        // Products of powers of the centred returns: (X²)ᵀX² and (X³)ᵀX.
        double[] x2 = new double[t * n];
        double[] x3 = new double[t * n];
        TensorPrimitives.Multiply(xc, xc, x2);
        TensorPrimitives.Multiply(x2, xc, x3);
        double[] y2y2 = new double[n * n];
        double[] x3x = new double[n * n];
        MatrixProducts.Gram(x2, t, n, y2y2);
        MatrixProducts.TransposeMultiply(x3, n, xc, n, t, x3x);

        double piHat = 0, rhoDiag = 0, rhoOff = 0, gammaHat = 0;
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                int ij = (j * n) + i;
                double help = gram[ij] / t;
                double sij = s[ij];
                double pi = (y2y2[ij] / t) - (2 * help * sij) + (sij * sij);
                piHat += pi;
                if (i == j)
                {
                    rhoDiag += pi;
                    continue;
                }

                double varI = s[(i * n) + i];
                double theta = (x3x[ij] / t) - (gram[(i * n) + i] / t * sij) - (help * varI) + (varI * sij);
                rhoOff += sd[j] / sd[i] * theta;
                double f = rBar * sd[i] * sd[j];
                gammaHat += (sij - f) * (sij - f);
            }
        }

        double rhoHat = rhoDiag + (rBar * rhoOff);
        double shrinkage = gammaHat > 0 ? Math.Max(0.0, Math.Min(1.0, (piHat - rhoHat) / gammaHat / t)) : 0;
        double[] result = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                int ij = (j * n) + i;
                double f = i == j ? s[ij] : rBar * sd[i] * sd[j];
                result[ij] = ((shrinkage * f) + ((1 - shrinkage) * s[ij])) * periodsPerYear;
            }
        }

        return new ShrinkageEstimate(CovarianceMatrix.FromEstimator(returns.Columns, result), shrinkage, ShrinkageTarget.ConstantCorrelation);
    }
}
