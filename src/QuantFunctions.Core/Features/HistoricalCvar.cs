namespace QuantFunctions.Core.Features;

/// <summary>Rolling historical conditional value at risk (expected shortfall).</summary>
/// <remarks>
/// <para>At confidence level α over the last n returns, with k = ⌈(1 − α) n⌉ (at least 1), CVaR is minus the mean
/// of the k smallest returns: CVaR = −(1/k) Σ<sub>i=1..k</sub> r<sub>(i)</sub>. It is reported as a loss (positive
/// when the tail is negative). This is the discrete "average of the worst k outcomes" estimator, without the
/// fractional weighting of the boundary observation (Acerbi &amp; Tasche, 2002, give the exact form).</para>
/// <para>Rows 0..n−2 are NaN. The window is kept sorted (binary-search insert and delete with a block move), so
/// each row costs O(n) memory moves of at most n doubles and O(k) additions.</para>
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

        KernelGuard.SameLength(returns, destination, nameof(destination));
        KernelGuard.WarmUp(destination, window - 1);
        int k = TailCount(window, level);
        double[] sorted = new double[window];
        int count = 0;
        for (int t = 0; t < returns.Length; t++)
        {
            if (t >= window)
            {
                int at = Array.BinarySearch(sorted, 0, count, returns[t - window]);
                Array.Copy(sorted, at + 1, sorted, at, count - at - 1);
                count--;
            }

            int pos = Array.BinarySearch(sorted, 0, count, returns[t]);
            if (pos < 0)
            {
                pos = ~pos;
            }

            Array.Copy(sorted, pos, sorted, pos + 1, count - pos);
            sorted[pos] = returns[t];
            count++;
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
}
