namespace QuantFunctions.Core.Selection;

/// <summary>The two statistics selection takes from the silver returns themselves (the feature store has neither).</summary>
public static class ReturnStatistics
{
    /// <summary>Compounded return Π(1 + r) − 1 over the observed values of <paramref name="returns"/> (NaN skipped, never zero-filled); NaN when none.</summary>
    public static double Compounded(ReadOnlySpan<double> returns)
    {
        double growth = 1.0;
        int n = 0;
        foreach (double r in returns)
        {
            if (!double.IsNaN(r))
            {
                growth *= 1.0 + r;
                n++;
            }
        }

        return n == 0 ? double.NaN : growth - 1.0;
    }

    /// <summary>
    /// Roll's (1984) effective spread from the serial covariance of consecutive observed returns:
    /// s = 2√(−cov(rₜ, rₜ₋₁)) when the covariance is negative, else 0; NaN with fewer than 3 observations.
    /// </summary>
    public static double RollSpread(ReadOnlySpan<double> returns)
    {
        double prev = double.NaN, sx = 0, sy = 0, sxy = 0;
        int n = 0;
        foreach (double r in returns)
        {
            if (double.IsNaN(r))
            {
                continue;
            }

            if (!double.IsNaN(prev))
            {
                sx += prev;
                sy += r;
                sxy += prev * r;
                n++;
            }

            prev = r;
        }

        if (n < 2)
        {
            return double.NaN;
        }

        double cov = (sxy - (sx * sy / n)) / (n - 1);
        return cov < 0 ? 2.0 * Math.Sqrt(-cov) : 0.0;
    }
}
