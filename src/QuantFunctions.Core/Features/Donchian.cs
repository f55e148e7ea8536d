namespace QuantFunctions.Core.Features;

/// <summary>Donchian channels: rolling highest high, lowest low and their midpoint.</summary>
/// <remarks>
/// Upper<sub>t</sub> = max(H<sub>t−n+1..t</sub>), Lower<sub>t</sub> = min(L<sub>t−n+1..t</sub>), Mid = (Upper + Lower)/2. The
/// window includes the current bar (as in Donchian's original and most charting packages). Rows 0..n−2 are NaN.
/// Computed in O(len) with monotonic index deques (each index enters and leaves once).
/// </remarks>
public static class Donchian
{
    /// <summary>Writes the Donchian upper, lower and mid channels for window <paramref name="window"/>.</summary>
    /// <param name="high">Highs, oldest first.</param>
    /// <param name="low">Lows, same length.</param>
    /// <param name="window">Window length n ≥ 1.</param>
    /// <param name="upper">Destination for the highest high.</param>
    /// <param name="lower">Destination for the lowest low.</param>
    /// <param name="mid">Destination for the midpoint.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> &lt; 1.</exception>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        int window,
        Span<double> upper,
        Span<double> lower,
        Span<double> mid)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        int n = high.Length;
        KernelGuard.SameLength(n, low.Length, nameof(low));
        KernelGuard.Prepare(high, upper, window - 1, nameof(upper));
        KernelGuard.Prepare(high, lower, window - 1, nameof(lower));
        KernelGuard.Prepare(high, mid, window - 1, nameof(mid));

        // Ring-buffer deques of indices: maxQ keeps decreasing highs, minQ increasing lows.
        int capacity = Math.Min(window, Math.Max(n, 1));
        int[] maxQ = new int[capacity], minQ = new int[capacity];
        int maxHead = 0, maxCount = 0, minHead = 0, minCount = 0;
        for (int t = 0; t < n; t++)
        {
            if (maxCount > 0 && maxQ[maxHead] <= t - window)
            {
                maxHead = (maxHead + 1) % capacity;
                maxCount--;
            }

            while (maxCount > 0 && high[maxQ[(maxHead + maxCount - 1) % capacity]] <= high[t])
            {
                maxCount--;
            }

            maxQ[(maxHead + maxCount) % capacity] = t;
            maxCount++;

            if (minCount > 0 && minQ[minHead] <= t - window)
            {
                minHead = (minHead + 1) % capacity;
                minCount--;
            }

            while (minCount > 0 && low[minQ[(minHead + minCount - 1) % capacity]] >= low[t])
            {
                minCount--;
            }

            minQ[(minHead + minCount) % capacity] = t;
            minCount++;

            if (t >= window - 1)
            {
                double hi = high[maxQ[maxHead]], lo = low[minQ[minHead]];
                upper[t] = hi;
                lower[t] = lo;
                mid[t] = 0.5 * (hi + lo);
            }
        }
    }
}
