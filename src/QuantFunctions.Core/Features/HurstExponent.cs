using MathNet.Numerics;

namespace QuantFunctions.Core.Features;

/// <summary>Rolling Hurst exponent by corrected rescaled-range (R/S) analysis.</summary>
/// <remarks>
/// <para>Method: classical R/S (Hurst 1951; Mandelbrot &amp; Wallis 1969) on the increments x (e.g. log returns), with the
/// Anis–Lloyd expected R/S and Peters' (n − ½)/n factor subtracted (the "R/S-AL" estimator of Weron, 2002), so that
/// i.i.d. noise gives H ≈ 0.5 without the small-sample upward bias of plain R/S.</para>
/// <para>For a block of s increments with mean μ and population standard deviation σ, Y<sub>k</sub> = Σ<sub>i≤k</sub>(x<sub>i</sub> − μ),
/// R/S = (max Y − min Y)/σ (blocks with σ = 0 are skipped). E[R/S]<sub>s</sub> =
/// ((s − ½)/s) · Γ((s − 1)/2)/(√π Γ(s/2)) · Σ<sub>i=1..s−1</sub> √((s − i)/i). With scales s = s<sub>0</sub>·2<sup>k</sup>
/// (2s − 1 ≤ n), H = ½ + slope of the least-squares line of ln(mean R/S<sub>s</sub>) − ln E[R/S]<sub>s</sub> on ln s.</para>
/// <para>Blocks are aligned to absolute row multiples of s; the window at row t averages the blocks lying wholly in
/// rows t−n+1..t. Each block's R/S is computed once when it completes and averaged through prefix sums, so the
/// whole series costs O(len · number of scales) instead of O(len · n log n). Rows 0..n−2 are NaN, and so is a
/// row with fewer than two usable scales.</para>
/// <para>References: H. E. Hurst (1951); A. A. Anis and E. H. Lloyd, Biometrika 63 (1976); E. E. Peters,
/// <i>Fractal Market Analysis</i> (1994); R. Weron, Physica A 312 (2002).</para>
/// </remarks>
public static class HurstExponent
{
    /// <summary>Writes the rolling R/S-AL Hurst exponent of the increments <paramref name="values"/>.</summary>
    /// <param name="values">Finite increments (e.g. log returns), oldest first.</param>
    /// <param name="window">Window length n ≥ 4·<paramref name="minScale"/> − 1 (so at least two scales fit).</param>
    /// <param name="destination">Same length as <paramref name="values"/>.</param>
    /// <param name="minScale">Smallest block size s<sub>0</sub> ≥ 4 (default 8).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range.</exception>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Compute(ReadOnlySpan<double> values, int window, Span<double> destination, int minScale = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minScale, 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, (4 * minScale) - 1);
        KernelGuard.Prepare(values, destination, window - 1, nameof(destination));
        int scaleCount = 0;
        for (int s = minScale; (2 * s) - 1 <= window; s *= 2)
        {
            scaleCount++;
        }

        int n = values.Length;
        var cumRs = new double[scaleCount][];
        var cumCount = new int[scaleCount][];
        var logScale = new double[scaleCount];
        var logExpected = new double[scaleCount];
        for (int k = 0, s = minScale; k < scaleCount; k++, s *= 2)
        {
            logScale[k] = Math.Log(s);
            logExpected[k] = Math.Log(ExpectedRescaledRange(s));
            int blocks = n / s;
            cumRs[k] = new double[blocks + 1];
            cumCount[k] = new int[blocks + 1];
            for (int b = 0; b < blocks; b++)
            {
                double rs = RescaledRange(values.Slice(b * s, s));
                bool ok = !double.IsNaN(rs);
                cumRs[k][b + 1] = cumRs[k][b] + (ok ? rs : 0.0);
                cumCount[k][b + 1] = cumCount[k][b] + (ok ? 1 : 0);
            }
        }

        // Per scale, the window holds blocks first..last (first = ⌈start/s⌉, last = ⌊(t+1)/s⌋ − 1). Both advance by at
        // most one per row, so they are stepped without division, and each scale's log-mean is recomputed only then.
        if (n < window)
        {
            return;
        }

        var first = new int[scaleCount];
        var last = new int[scaleCount];
        var cachedY = new double[scaleCount];
        for (int k = 0, s = minScale; k < scaleCount; k++, s *= 2)
        {
            first[k] = 0;
            last[k] = (window / s) - 1;
            cachedY[k] = LogMean(cumRs[k], cumCount[k], first[k], last[k]) - logExpected[k];
        }

        for (int t = window - 1; t < n; t++)
        {
            int start = t - window + 1;
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            int used = 0;
            for (int k = 0, s = minScale; k < scaleCount; k++, s *= 2)
            {
                bool moved = false;
                if (start > first[k] * s)
                {
                    first[k]++;
                    moved = true;
                }

                if (t + 1 >= (last[k] + 2) * s)
                {
                    last[k]++;
                    moved = true;
                }

                if (moved)
                {
                    cachedY[k] = LogMean(cumRs[k], cumCount[k], first[k], last[k]) - logExpected[k];
                }

                double y = cachedY[k], x = logScale[k];
                if (double.IsNaN(y))
                {
                    continue;
                }

                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
                used++;
            }

            destination[t] = used < 2 ? double.NaN : 0.5 + (((used * sxy) - (sx * sy)) / ((used * sxx) - (sx * sx)));
        }
    }

    /// <summary>ln of the mean R/S over blocks <paramref name="first"/>..<paramref name="last"/>; NaN when there is none.</summary>
    private static double LogMean(double[] cumRs, int[] cumCount, int first, int last)
    {
        int c = last < first ? 0 : cumCount[last + 1] - cumCount[first];
        return c == 0 ? double.NaN : Math.Log((cumRs[last + 1] - cumRs[first]) / c);
    }

    /// <summary>R/S statistic of one block; NaN when its standard deviation is zero.</summary>
    /// <param name="block">The block's increments.</param>
    /// <returns>(max Y − min Y) / σ with σ the population standard deviation.</returns>
    internal static double RescaledRange(ReadOnlySpan<double> block)
    {
        double mean = 0;
        for (int i = 0; i < block.Length; i++)
        {
            mean += block[i];
        }

        mean /= block.Length;
        double y = 0, max = 0, min = 0, ss = 0;
        for (int i = 0; i < block.Length; i++)
        {
            double d = block[i] - mean;
            ss += d * d;
            y += d;
            max = Math.Max(max, y);
            min = Math.Min(min, y);
        }

        double sd = Math.Sqrt(ss / block.Length);
        return sd > 0 ? (max - min) / sd : double.NaN;
    }

    /// <summary>Anis–Lloyd expected R/S of s i.i.d. normal increments with Peters' correction.</summary>
    /// <param name="s">Block size ≥ 2.</param>
    /// <returns>E[R/S]<sub>s</sub>.</returns>
    internal static double ExpectedRescaledRange(int s)
    {
        double sum = 0;
        for (int i = 1; i < s; i++)
        {
            sum += Math.Sqrt((s - i) / (double)i);
        }

        double gammaRatio = Math.Exp(SpecialFunctions.GammaLn((s - 1) / 2.0) - SpecialFunctions.GammaLn(s / 2.0));
        return (s - 0.5) / s * gammaRatio / Math.Sqrt(Math.PI) * sum;
    }
}
