namespace QuantFunctions.Core.Features;

/// <summary>Rate of change in percent.</summary>
/// <remarks>ROC<sub>t</sub>(n) = 100 (x<sub>t</sub> / x<sub>t−n</sub> − 1). Rows 0..n−1 are NaN.</remarks>
public static class RateOfChange
{
    /// <summary>Writes ROC(<paramref name="period"/>) of <paramref name="values"/>.</summary>
    /// <param name="values">Closes, oldest first, positive.</param>
    /// <param name="period">Look-back n ≥ 1.</param>
    /// <param name="destination">Same length as <paramref name="values"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> &lt; 1.</exception>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Compute(ReadOnlySpan<double> values, int period, Span<double> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        KernelGuard.Prepare(values, destination, period, nameof(destination));
        for (int t = period; t < values.Length; t++)
        {
            destination[t] = 100.0 * ((values[t] / values[t - period]) - 1.0);
        }
    }
}
