using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Risk;

/// <summary>Correlation and correlation distance derived from a covariance matrix.</summary>
public static class Correlation
{
    /// <summary>ρᵢⱼ = σᵢⱼ / √(σᵢᵢ σⱼⱼ), with an exact unit diagonal (column-major N×N).</summary>
    /// <param name="covariance">The covariance.</param>
    public static double[] FromCovariance(CovarianceMatrix covariance)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        int n = covariance.Size;
        ReadOnlySpan<double> s = covariance.Values;
        double[] sd = new double[n];
        for (int i = 0; i < n; i++)
        {
            sd[i] = Math.Sqrt(s[(i * n) + i]);
        }

        double[] r = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                r[(j * n) + i] = i == j ? 1.0 : s[(j * n) + i] / (sd[i] * sd[j]);
            }
        }

        return r;
    }

    /// <summary>
    /// Pairwise-complete Pearson correlation (pandas <c>DataFrame.corr()</c>): entry (i, j) uses the
    /// rows where both assets are observed, with means and deviations over those rows. Differs from
    /// <see cref="FromCovariance"/> of the pairwise covariance when histories have different lengths.
    /// </summary>
    /// <param name="returns">Returns, NaN marking missing values.</param>
    /// <exception cref="Allocation.AllocationException">A pair with fewer than 2 common rows or a constant series on them.</exception>
    public static double[] Pairwise(ReturnPanel returns)
    {
        Returns.ReturnsInput.Validate(returns);
        int n = returns.ColumnCount;
        double[] r = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            ReadOnlySpan<double> y = returns.Column(j);
            r[(j * n) + j] = 1;
            for (int i = 0; i < j; i++)
            {
                (int count, double sxy, double sxx, double syy) = PairwiseMoments.Of(returns.Column(i), y);
                if (count < 2 || !(sxx > 0) || !(syy > 0))
                {
                    throw new Allocation.AllocationException(
                        ErrorCodes.InsufficientData,
                        $"assets '{returns.Columns[i]}' and '{returns.Columns[j]}' have no correlation: {count} common rows",
                        returns.Columns[i]);
                }

                double c = sxy / Math.Sqrt(sxx * syy);
                r[(j * n) + i] = c;
                r[(i * n) + j] = c;
            }
        }

        return r;
    }

    /// <summary>
    /// The correlation distance dᵢⱼ = √(clip((1 − ρᵢⱼ)/2, 0, 1)) (López de Prado 2016), a metric
    /// in [0, 1]: 0 for perfectly correlated assets, 1 for perfectly anti-correlated ones.
    /// </summary>
    /// <param name="correlation">ρ, column-major N×N.</param>
    /// <param name="n">N.</param>
    public static double[] Distance(ReadOnlySpan<double> correlation, int n)
    {
        double[] d = new double[n * n];
        for (int k = 0; k < n * n; k++)
        {
            d[k] = Math.Sqrt(Math.Clamp((1.0 - correlation[k]) / 2.0, 0.0, 1.0));
        }

        for (int i = 0; i < n; i++)
        {
            d[(i * n) + i] = 0;
        }

        return d;
    }
}
