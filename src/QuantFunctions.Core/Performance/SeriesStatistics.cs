using System.Numerics.Tensors;

namespace QuantFunctions.Core.Performance;

/// <summary>The moment, quantile and autocorrelation kernels behind <see cref="PerformanceCalculator"/> (pandas/numpy semantics).</summary>
internal static class SeriesStatistics
{
    /// <summary>Arithmetic mean; NaN when empty.</summary>
    public static double Mean(ReadOnlySpan<double> values) => values.IsEmpty ? double.NaN : TensorPrimitives.Sum(values) / values.Length;

    /// <summary>Sample standard deviation (N − 1) around a given mean; NaN for fewer than two values.</summary>
    public static double SampleStd(ReadOnlySpan<double> values, double mean)
    {
        if (values.Length < 2)
        {
            return double.NaN;
        }

        double ss = 0;
        foreach (double v in values)
        {
            double d = v - mean;
            ss += d * d;
        }

        return Math.Sqrt(ss / (values.Length - 1));
    }

    /// <summary>
    /// Linear-interpolation quantile of ascending values (numpy <c>method="linear"</c>, pandas' default):
    /// <c>h = (n − 1)q</c>, interpolated between the neighbours with numpy's <c>_lerp</c>.
    /// </summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        double h = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        double t = h - lo, a = sorted[lo], b = sorted[hi], diff = b - a;
        return t >= 0.5 ? b - (diff * (1 - t)) : a + (diff * t);
    }

    /// <summary>
    /// Bias-corrected skewness as pandas' <c>nanskew</c>: <c>n√(n − 1)/(n − 2) · m₃ / m₂^1.5</c> with
    /// <c>mₖ = Σ (x − x̄)ᵏ</c>; 0 when <c>m₂ = 0</c>, NaN for fewer than 3 values.
    /// </summary>
    public static double Skew(ReadOnlySpan<double> values, double mean)
    {
        int n = values.Length;
        if (n < 3)
        {
            return double.NaN;
        }

        double m2 = 0, m3 = 0;
        foreach (double v in values)
        {
            double d = v - mean, d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
        }

        m2 = ZeroOutRoundoff(m2);
        m3 = ZeroOutRoundoff(m3);
        return m2 == 0 ? 0 : n * Math.Sqrt(n - 1.0) / (n - 2.0) * (m3 / Math.Pow(m2, 1.5));
    }

    /// <summary>
    /// Bias-corrected excess kurtosis as pandas' <c>nankurt</c>:
    /// <c>n(n + 1)(n − 1)m₄ / ((n − 2)(n − 3)m₂²) − 3(n − 1)²/((n − 2)(n − 3))</c>; 0 when <c>m₂ = 0</c>, NaN for fewer than 4 values.
    /// </summary>
    public static double Kurtosis(ReadOnlySpan<double> values, double mean)
    {
        double n = values.Length;
        if (n < 4)
        {
            return double.NaN;
        }

        double m2 = 0, m4 = 0;
        foreach (double v in values)
        {
            double d = v - mean, d2 = d * d;
            m2 += d2;
            m4 += d2 * d2;
        }

        double adjustment = 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3));
        double numerator = ZeroOutRoundoff(n * (n + 1) * (n - 1) * m4);
        double denominator = ZeroOutRoundoff((n - 2) * (n - 3) * m2 * m2);
        return denominator == 0 ? 0 : (numerator / denominator) - adjustment;
    }

    /// <summary>
    /// quantstats' <c>autocorr_penalty</c>: with ρ the absolute lag-1 Pearson correlation (of <c>x[:-1]</c> and
    /// <c>x[1:]</c>), <c>√(1 + 2 Σ_{k=1}^{n−1} ((n − k)/n) ρᵏ)</c>; NaN when ρ is undefined.
    /// </summary>
    public static double AutocorrelationPenalty(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        double rho = Math.Abs(Correlation(values[..^1], values[1..]));
        if (double.IsNaN(rho))
        {
            return double.NaN;
        }

        double sum = 0, power = 1;
        for (int k = 1; k < n; k++)
        {
            power *= rho;
            if (power == 0)
            {
                break;
            }

            sum += (n - k) / (double)n * power;
        }

        return Math.Sqrt(1 + (2 * sum));
    }

    /// <summary>Pearson correlation of two equally long spans; NaN when either is constant or shorter than 2.</summary>
    public static double Correlation(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        (double sxx, double syy, double sxy) = CrossMoments(x, y);
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }

    /// <summary>Centred sums of squares and cross products <c>(Σ(x − x̄)², Σ(y − ȳ)², Σ(x − x̄)(y − ȳ))</c>.</summary>
    public static (double Sxx, double Syy, double Sxy) CrossMoments(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length < 2)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        double mx = Mean(x), my = Mean(y), sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }

        return (sxx, syy, sxy);
    }

    /// <summary>Parametric VaR <c>μ + σ·Φ⁻¹(1 − confidence)</c> and the mean of the values below it (VaR itself when none).</summary>
    public static (double Var, double CVar) ValueAtRisk(ReadOnlySpan<double> values, double mean, double std, double confidence)
    {
        double var = std > 0 ? mean + (std * MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 1.0 - confidence)) : double.NaN;
        double tailSum = 0;
        int tail = 0;
        foreach (double v in values)
        {
            if (v < var)
            {
                tailSum += v;
                tail++;
            }
        }

        return (var, tail > 0 ? tailSum / tail : var);
    }

    /// <summary>pandas' <c>_zero_out_fperr</c>: magnitudes below 1e-14 are round-off and become 0.</summary>
    private static double ZeroOutRoundoff(double value) => Math.Abs(value) < 1e-14 ? 0 : value;
}
