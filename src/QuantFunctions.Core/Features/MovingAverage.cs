namespace QuantFunctions.Core.Features;

/// <summary>Simple, exponential and volume-weighted moving averages (O(n) each).</summary>
/// <remarks>
/// <para>SMA<sub>t</sub>(n) = (1/n) Σ<sub>i=t−n+1..t</sub> x<sub>i</sub>; rows 0..n−2 are NaN.</para>
/// <para>EMA<sub>t</sub>(n) = α x<sub>t</sub> + (1 − α) EMA<sub>t−1</sub>, α = 2/(n+1), seeded at row n−1 with
/// SMA(n) (the StockCharts convention); rows 0..n−2 are NaN.</para>
/// <para>VWMA<sub>t</sub>(n) = Σ x<sub>i</sub>v<sub>i</sub> / Σ v<sub>i</sub> over the last n rows; rows 0..n−2 are NaN,
/// and a window with zero total volume is NaN (the average is undefined).</para>
/// <para>Running sums are updated by add/subtract, so row t depends only on rows ≤ t.</para>
/// </remarks>
public static class MovingAverage
{
    /// <summary>Writes the simple moving average of <paramref name="values"/> over <paramref name="window"/> rows.</summary>
    /// <param name="values">Input series, oldest first.</param>
    /// <param name="window">Window length n ≥ 1.</param>
    /// <param name="destination">Same length as <paramref name="values"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> &lt; 1.</exception>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Sma(ReadOnlySpan<double> values, int window, Span<double> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        KernelGuard.Prepare(values, destination, window - 1, nameof(destination));
        double sum = 0;
        for (int t = 0; t < values.Length; t++)
        {
            sum += values[t];
            if (t >= window)
            {
                sum -= values[t - window];
            }

            if (t >= window - 1)
            {
                destination[t] = sum / window;
            }
        }
    }

    /// <summary>Writes the exponential moving average (α = 2/(n+1), SMA-seeded).</summary>
    /// <param name="values">Input series, oldest first.</param>
    /// <param name="window">Window length n ≥ 1.</param>
    /// <param name="destination">Same length as <paramref name="values"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> &lt; 1.</exception>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Ema(ReadOnlySpan<double> values, int window, Span<double> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        KernelGuard.Prepare(values, destination, window - 1, nameof(destination));
        if (values.Length < window)
        {
            return;
        }

        double alpha = 2.0 / (window + 1), seed = 0;
        for (int i = 0; i < window; i++)
        {
            seed += values[i];
        }

        double ema = seed / window;
        destination[window - 1] = ema;
        for (int t = window; t < values.Length; t++)
        {
            ema += alpha * (values[t] - ema);
            destination[t] = ema;
        }
    }

    /// <summary>Writes the volume-weighted moving average of <paramref name="values"/>.</summary>
    /// <param name="values">Prices, oldest first.</param>
    /// <param name="volume">Volumes, same length, non-negative.</param>
    /// <param name="window">Window length n ≥ 1.</param>
    /// <param name="destination">Same length as <paramref name="values"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> &lt; 1.</exception>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Vwma(ReadOnlySpan<double> values, ReadOnlySpan<double> volume, int window, Span<double> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        KernelGuard.SameLength(values, destination, nameof(destination));
        KernelGuard.SameLength(values.Length, volume.Length, nameof(volume));
        KernelGuard.WarmUp(destination, window - 1);
        double pv = 0, v = 0;
        for (int t = 0; t < values.Length; t++)
        {
            pv += values[t] * volume[t];
            v += volume[t];
            if (t >= window)
            {
                pv -= values[t - window] * volume[t - window];
                v -= volume[t - window];
            }

            if (t >= window - 1)
            {
                destination[t] = v > 0 ? pv / v : double.NaN;
            }
        }
    }
}
