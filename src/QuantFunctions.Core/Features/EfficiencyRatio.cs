namespace QuantFunctions.Core.Features;

/// <summary>Kaufman's efficiency ratio: net change over path length.</summary>
/// <remarks>
/// ER<sub>t</sub>(n) = |x<sub>t</sub> − x<sub>t−n</sub>| / Σ<sub>i=t−n+1..t</sub> |x<sub>i</sub> − x<sub>i−1</sub>|, in [0, 1]:
/// 1 for a straight line, near 0 for noise. A window with zero path length (flat prices) is 0 by definition
/// (no directional movement). Rows 0..n−1 are NaN. The path length is a running sum (O(len)).
/// Reference: P. J. Kaufman, <i>Smarter Trading</i> (1995); <i>Trading Systems and Methods</i>.
/// </remarks>
public static class EfficiencyRatio
{
    /// <summary>Writes ER(<paramref name="period"/>) of <paramref name="values"/>.</summary>
    /// <param name="values">Closes, oldest first.</param>
    /// <param name="period">Look-back n ≥ 1.</param>
    /// <param name="destination">Same length as <paramref name="values"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> &lt; 1.</exception>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Compute(ReadOnlySpan<double> values, int period, Span<double> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        KernelGuard.Prepare(values, destination, period, nameof(destination));
        double path = 0;
        for (int t = 1; t < values.Length; t++)
        {
            path += Math.Abs(values[t] - values[t - 1]);
            if (t > period)
            {
                path -= Math.Abs(values[t - period] - values[t - period - 1]);
            }

            if (t >= period)
            {
                double net = Math.Abs(values[t] - values[t - period]);
                // The running sum can drift a few ulps below the net change; clamp to keep ER in [0, 1].
                destination[t] = path > 0 ? Math.Min(net / path, 1.0) : 0.0;
            }
        }
    }
}
