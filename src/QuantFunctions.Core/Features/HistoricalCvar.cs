namespace QuantFunctions.Core.Features;

/// <summary>Rolling historical conditional value at risk (expected shortfall).</summary>
/// <remarks>
/// <para>At confidence level α over the last n returns, with k = ⌈(1 − α) n⌉ (at least 1), CVaR is minus the mean
/// of the k smallest returns: CVaR = −(1/k) Σ<sub>i=1..k</sub> r<sub>(i)</sub>. It is reported as a loss (positive
/// when the tail is negative). This is the discrete "average of the worst k outcomes" estimator, without the
/// fractional weighting of the boundary observation (Acerbi &amp; Tasche, 2002, give the exact form).</para>
/// <para>Rows 0..n−2 are NaN. The window is kept sorted: each row finds the outgoing value by binary search and
/// slides the values between it and the incoming value's slot (at most n moves, about n/3 on average) plus k additions.</para>
/// </remarks>
public static class HistoricalCvar
{
    /// <summary>Writes rolling CVaR of <paramref name="returns"/> at <paramref name="level"/>.</summary>
    /// <param name="returns">Finite returns, oldest first.</param>
    /// <param name="window">Window length n ≥ 1.</param>
    /// <param name="level">Confidence level α in (0, 1), e.g. 0.95.</param>
    /// <param name="destination">Same length as <paramref name="returns"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range.</exception>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Compute(ReadOnlySpan<double> returns, int window, double level, Span<double> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The CVaR level must lie strictly between 0 and 1.");
        }

        KernelGuard.Prepare(returns, destination, window - 1, nameof(destination));
        int k = TailCount(window, level);
        Span<double> sorted = window <= 256 ? stackalloc double[window] : new double[window];
        for (int t = 0; t < returns.Length; t++)
        {
            double incoming = returns[t];
            int j;
            if (t < window)
            {
                // Filling the window: insertion-sort step.
                for (j = t; j > 0 && sorted[j - 1] > incoming; j--)
                {
                    sorted[j] = sorted[j - 1];
                }
            }
            else
            {
                // Replace the outgoing value in place, sliding the values between it and the incoming one's slot.
                j = LowerBound(sorted, returns[t - window]);
                for (; j + 1 < window && sorted[j + 1] < incoming; j++)
                {
                    sorted[j] = sorted[j + 1];
                }

                for (; j > 0 && sorted[j - 1] > incoming; j--)
                {
                    sorted[j] = sorted[j - 1];
                }
            }

            sorted[j] = incoming;
            if (t >= window - 1)
            {
                double sum = 0;
                for (int i = 0; i < k; i++)
                {
                    sum += sorted[i];
                }

                destination[t] = -sum / k;
            }
        }
    }

    /// <summary>Number of tail observations k = max(1, ⌈(1 − α) n⌉).</summary>
    /// <param name="window">Window length n.</param>
    /// <param name="level">Confidence level α.</param>
    /// <returns>The tail count used by <see cref="Compute"/>.</returns>
    public static int TailCount(int window, double level) =>
        Math.Clamp((int)Math.Ceiling(Math.Round((1.0 - level) * window, 9)), 1, window);

    /// <summary>First index whose value is ≥ <paramref name="value"/> (the insertion point; an existing equal value's index).</summary>
    private static int LowerBound(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
