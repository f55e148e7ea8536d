using System.Buffers;
using System.Numerics.Tensors;
using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.LinearAlgebra;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Returns;

namespace QuantFunctions.Core.Risk;

/// <summary>Sample covariance estimators (ddof = 1).</summary>
public static class SampleCovariance
{
    /// <summary>
    /// Sample covariance over complete rows: Σ = P · XcᵀXc / (T − 1), where Xc is the returns
    /// de-meaned per asset and P the periods per year. Rows with any missing value are excluded.
    /// </summary>
    /// <remarks>Computed with the blocked SIMD Gram kernel <see cref="MatrixProducts.Gram"/>.</remarks>
    /// <param name="returns">Periodic returns.</param>
    /// <param name="periodsPerYear">Annualisation factor P (1 keeps the periodic covariance).</param>
    /// <exception cref="AllocationException">Fewer than 2 complete rows; a zero-variance asset.</exception>
    public static CovarianceMatrix Compute(ReturnPanel returns, int periodsPerYear = 1)
    {
        ReturnsInput.Validate(returns);
        ExpectedReturns.CheckPeriodsPerYear(periodsPerYear);
        int n = returns.ColumnCount;
        double[] centred = ArrayPool<double>.Shared.Rent(returns.RowCount * n);
        try
        {
            int rows = CentreCompleteRows(returns, centred, out _);
            double[] cov = new double[n * n];
            MatrixProducts.Gram(centred.AsSpan(0, rows * n), rows, n, cov);
            TensorPrimitives.Multiply(cov, (double)periodsPerYear / (rows - 1), cov);
            return CovarianceMatrix.FromEstimator(returns.Columns, cov);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(centred);
        }
    }

    /// <summary>
    /// Pairwise-complete sample covariance (pandas <c>DataFrame.cov()</c>): entry (i, j) uses the
    /// rows where both assets are observed, with means over those rows, divided by nᵢⱼ − 1.
    /// </summary>
    /// <remarks>
    /// The result need not be positive semidefinite when histories differ; it is validated as a
    /// user matrix would be. Without missing values it equals <see cref="Compute"/>.
    /// </remarks>
    /// <param name="returns">Periodic returns, NaN marking missing values.</param>
    /// <param name="periodsPerYear">Annualisation factor P.</param>
    /// <exception cref="AllocationException">A pair with fewer than 2 common rows; zero variance; not PSD.</exception>
    public static CovarianceMatrix ComputePairwise(ReturnPanel returns, int periodsPerYear = 1)
    {
        ReturnsInput.Validate(returns);
        ExpectedReturns.CheckPeriodsPerYear(periodsPerYear);
        if (!returns.HasMissing)
        {
            return Compute(returns, periodsPerYear);
        }

        int n = returns.ColumnCount;
        double[] cov = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            ReadOnlySpan<double> y = returns.Column(j);
            for (int i = 0; i <= j; i++)
            {
                (int count, double sxy, _, _) = PairwiseMoments.Of(returns.Column(i), y);
                if (count < 2)
                {
                    throw new AllocationException(
                        ErrorCodes.InsufficientData,
                        $"assets '{returns.Columns[i]}' and '{returns.Columns[j]}' share {count} observed rows; covariance needs at least 2",
                        returns.Columns[i]);
                }

                double c = sxy / (count - 1) * periodsPerYear;
                cov[(j * n) + i] = c;
                cov[(i * n) + j] = c;
            }
        }

        return CovarianceMatrix.Create(returns.Columns, cov);
    }

    /// <summary>
    /// Writes the complete rows of <paramref name="returns"/> into <paramref name="destination"/>
    /// (column-major rows × N), de-meaned per asset; returns the row count.
    /// </summary>
    /// <remarks>
    /// A panel without missing values is de-meaned straight from its own values into the destination (one pass, no
    /// copy first); with missing values the complete rows are copied, then de-meaned in place. Same sums, same
    /// subtractions, so the same bits either way.
    /// </remarks>
    internal static int CentreCompleteRows(ReturnPanel returns, Span<double> destination, out double[] means)
    {
        int n = returns.ColumnCount;
        bool complete = !returns.HasMissing;
        int rows = complete ? returns.RowCount : returns.CopyCompleteRows(destination);
        if (rows < 2)
        {
            throw new AllocationException(ErrorCodes.InsufficientData, $"returns have {rows} complete rows; covariance needs at least 2");
        }

        ReadOnlySpan<double> source = complete ? returns.Values : destination;
        means = new double[n];
        for (int j = 0; j < n; j++)
        {
            ReadOnlySpan<double> column = source.Slice(j * rows, rows);
            double mean = TensorPrimitives.Sum(column) / rows;
            means[j] = mean;
            TensorPrimitives.Subtract(column, mean, destination.Slice(j * rows, rows));
        }

        return rows;
    }
}
