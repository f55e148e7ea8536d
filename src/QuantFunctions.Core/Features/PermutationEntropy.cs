namespace QuantFunctions.Core.Features;

/// <summary>Rolling normalised permutation entropy (Bandt &amp; Pompe, 2002).</summary>
/// <remarks>
/// <para>For order m and delay τ, the ordinal pattern at row t is the ranking of
/// (x<sub>t−(m−1)τ</sub>, …, x<sub>t−τ</sub>, x<sub>t</sub>); ties rank the earlier element lower (a stable sort).
/// Over the last n patterns with relative frequencies p<sub>π</sub>,
/// H = −Σ p<sub>π</sub> ln p<sub>π</sub> / ln(m!) ∈ [0, 1]: 0 for a monotonic series, ≈ 1 for i.i.d. noise.</para>
/// <para>Warm-up: rows 0..(m−1)τ + n − 2 are NaN. Each row's pattern is coded once (Lehmer code, O(m²)) and the
/// window's Σ c ln c is updated in O(1) as counts change (re-summed every n rows), so the whole series costs
/// O(len · m²).</para>
/// <para>Reference: C. Bandt and B. Pompe, "Permutation entropy: a natural complexity measure for time series",
/// Phys. Rev. Lett. 88, 174102 (2002).</para>
/// </remarks>
public static class PermutationEntropy
{
    /// <summary>Largest supported order (8! = 40 320 patterns).</summary>
    public const int MaxOrder = 8;

    /// <summary>Writes rolling normalised permutation entropy of <paramref name="values"/>.</summary>
    /// <param name="values">Finite input, oldest first.</param>
    /// <param name="order">Embedding dimension m in [2, <see cref="MaxOrder"/>].</param>
    /// <param name="delay">Embedding delay τ ≥ 1.</param>
    /// <param name="window">Number of patterns per window n ≥ 1.</param>
    /// <param name="destination">Same length as <paramref name="values"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range.</exception>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Compute(ReadOnlySpan<double> values, int order, int delay, int window, Span<double> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(order, MaxOrder);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        KernelGuard.SameLength(values, destination, nameof(destination));
        int span = (order - 1) * delay;
        KernelGuard.WarmUp(destination, span + window - 1);
        if (values.Length <= span)
        {
            return;
        }

        int patternCount = Factorial(order);
        double norm = Math.Log(patternCount), logN = Math.Log(window);
        int[] patterns = new int[values.Length];
        int[] counts = new int[patternCount];
        double[] cLogC = new double[window + 1];
        for (int c = 1; c <= window; c++)
        {
            cLogC[c] = c * Math.Log(c);
        }

        Span<double> embedded = stackalloc double[order];
        double sum = 0;
        for (int t = span; t < values.Length; t++)
        {
            for (int j = 0; j < order; j++)
            {
                embedded[j] = values[t - span + (j * delay)];
            }

            int leaving = t - window;
            if (leaving >= span)
            {
                int q = patterns[leaving];
                sum += cLogC[counts[q] - 1] - cLogC[counts[q]];
                counts[q]--;
            }

            int p = PatternIndex(embedded);
            patterns[t] = p;
            sum += cLogC[counts[p] + 1] - cLogC[counts[p]];
            counts[p]++;

            if (t < span + window - 1)
            {
                continue;
            }

            if ((t - span) % window == 0)
            {
                sum = 0;
                for (int i = 0; i < counts.Length; i++)
                {
                    sum += cLogC[counts[i]];
                }
            }

            destination[t] = Math.Clamp((logN - (sum / window)) / norm, 0.0, 1.0);
        }
    }

    /// <summary>Lehmer-code index in [0, m!) of the ordinal pattern of <paramref name="embedded"/>.</summary>
    /// <param name="embedded">The m embedded values, oldest first.</param>
    /// <returns>The pattern index; identical rankings give identical indices.</returns>
    internal static int PatternIndex(ReadOnlySpan<double> embedded)
    {
        int m = embedded.Length;
        Span<int> rank = stackalloc int[m];
        for (int j = 0; j < m; j++)
        {
            int r = 0;
            for (int i = 0; i < m; i++)
            {
                if (embedded[i] < embedded[j] || (embedded[i] == embedded[j] && i < j))
                {
                    r++;
                }
            }

            rank[j] = r;
        }

        int code = 0;
        for (int j = 0; j < m; j++)
        {
            int smaller = 0;
            for (int i = j + 1; i < m; i++)
            {
                if (rank[i] < rank[j])
                {
                    smaller++;
                }
            }

            code = (code * (m - j)) + smaller;
        }

        return code;
    }

    private static int Factorial(int m)
    {
        int f = 1;
        for (int i = 2; i <= m; i++)
        {
            f *= i;
        }

        return f;
    }
}
