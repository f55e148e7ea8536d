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
