namespace QuantFunctions.Core.Risk;

/// <summary>Centred second moments of two series over the rows where both are observed (not NaN).</summary>
internal static class PairwiseMoments
{
    /// <summary>Returns the common count and Σ(x−x̄)(y−ȳ), Σ(x−x̄)², Σ(y−ȳ)² with means over the common rows.</summary>
    public static (int Count, double Sxy, double Sxx, double Syy) Of(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double sx = 0, sy = 0;
        int count = 0;
        for (int k = 0; k < x.Length; k++)
        {
            if (!double.IsNaN(x[k]) && !double.IsNaN(y[k]))
            {
                sx += x[k];
                sy += y[k];
                count++;
            }
        }

        if (count == 0)
        {
            return (0, 0, 0, 0);
        }

        double mx = sx / count, my = sy / count, sxy = 0, sxx = 0, syy = 0;
        for (int k = 0; k < x.Length; k++)
        {
            if (!double.IsNaN(x[k]) && !double.IsNaN(y[k]))
            {
                double dx = x[k] - mx, dy = y[k] - my;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
        }

        return (count, sxy, sxx, syy);
    }
}
