using System.Buffers;
using System.Numerics.Tensors;
using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.LinearAlgebra;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Returns;

namespace QuantFunctions.Core.Risk;

/// <summary>Exponentially weighted covariance.</summary>
public static class EwmaCovariance
{
    /// <summary>
    /// Σ = P · Σₜ wₜ (xₜ − m)(xₜ − m)ᵀ / (1 − Σₜ wₜ²), wₜ = λ^(T−1−t) / Σₛ λ^(T−1−s), m = Σₜ wₜ xₜ.
    /// </summary>
    /// <remarks>
    /// The most recent row has the largest weight. The factor 1/(1 − Σw²) removes the bias of
    /// reliability weights, as pandas <c>ewm(...).cov(bias=False)</c> does. λ = 1 − 2/(span + 1)
    /// relates the decay to a pandas span (PyPortfolioOpt <c>exp_cov</c> uses span 180).
    /// Rows with a missing value are excluded.
    /// </remarks>
    /// <param name="returns">Periodic returns.</param>
    /// <param name="decay">λ ∈ (0, 1).</param>
    /// <param name="periodsPerYear">Annualisation factor P.</param>
    /// <exception cref="AllocationException">λ outside (0, 1); too few rows; zero variance.</exception>
    public static CovarianceMatrix Compute(ReturnPanel returns, double decay, int periodsPerYear = 1)
    {
        ReturnsInput.Validate(returns);
        ExpectedReturns.CheckPeriodsPerYear(periodsPerYear);
        if (!(decay > 0 && decay < 1))
        {
            throw new AllocationException(ErrorCodes.InvalidOption, $"EWMA decay must lie in (0, 1) (got {decay})", "decay");
        }

        int n = returns.ColumnCount;
        double[] x = ArrayPool<double>.Shared.Rent(returns.RowCount * n);
        try
        {
            int t = SampleCovariance.CentreCompleteRows(returns, x, out _);
            double[] w = new double[t];
            double acc = 1;
            for (int k = t - 1; k >= 0; k--)
            {
                w[k] = acc;
                acc *= decay;
            }

            TensorPrimitives.Divide(w, TensorPrimitives.Sum(w), w);
            double[] sqrtW = new double[t];
            TensorPrimitives.Sqrt(w, sqrtW);
            for (int j = 0; j < n; j++)
            {
                Span<double> col = x.AsSpan(j * t, t);
                double m = TensorPrimitives.Dot(col, w);
                TensorPrimitives.Subtract(col, m, col);
                TensorPrimitives.Multiply(col, sqrtW, col);
            }

            double[] cov = new double[n * n];
            MatrixProducts.Gram(x.AsSpan(0, t * n), t, n, cov);
            double correction = 1.0 / (1.0 - TensorPrimitives.SumOfSquares(w));
            TensorPrimitives.Multiply(cov, correction * periodsPerYear, cov);
            return CovarianceMatrix.FromEstimator(returns.Columns, cov);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(x);
        }
    }

    /// <summary>The decay λ = 1 − 2/(span + 1) equivalent to a pandas EWM span.</summary>
    /// <param name="span">The span, at least 1.</param>
    public static double DecayFromSpan(double span)
    {
        if (!(span >= 1))
        {
            throw new AllocationException(ErrorCodes.InvalidOption, $"EWMA span must be at least 1 (got {span})", "span");
        }

        return 1.0 - (2.0 / (span + 1.0));
    }
}
