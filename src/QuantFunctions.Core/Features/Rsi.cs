namespace QuantFunctions.Core.Features;

/// <summary>Relative Strength Index with Wilder smoothing.</summary>
/// <remarks>
/// <para>Changes d<sub>t</sub> = x<sub>t</sub> − x<sub>t−1</sub>; gain = max(d, 0), loss = max(−d, 0). The first
/// averages (row n) are the simple means of the first n gains and losses; afterwards
/// avg<sub>t</sub> = (avg<sub>t−1</sub>(n − 1) + value<sub>t</sub>) / n (Wilder's smoothing, an EMA with α = 1/n).
/// RSI = 100 − 100 / (1 + avgGain/avgLoss). With avgLoss = 0 the RSI is 100, or 50 when avgGain is also 0
/// (a flat window). Rows 0..n−1 are NaN.</para>
/// <para>Reference: J. W. Wilder, <i>New Concepts in Technical Trading Systems</i> (1978), as reproduced in the
/// StockCharts ChartSchool RSI worksheet.</para>
/// </remarks>
public static class Rsi
{
    /// <summary>Writes RSI(<paramref name="period"/>) of <paramref name="values"/> into <paramref name="destination"/>.</summary>
    /// <param name="values">Closes, oldest first.</param>
    /// <param name="period">Smoothing period n ≥ 1 (Wilder used 14).</param>
    /// <param name="destination">Same length as <paramref name="values"/>; values in [0, 100].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> &lt; 1.</exception>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Compute(ReadOnlySpan<double> values, int period, Span<double> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        KernelGuard.Prepare(values, destination, period, nameof(destination));
        if (values.Length <= period)
        {
            return;
        }

        double gain = 0, loss = 0;
        for (int t = 1; t <= period; t++)
        {
            double d = values[t] - values[t - 1];
            gain += Math.Max(d, 0);
            loss += Math.Max(-d, 0);
        }

        gain /= period;
        loss /= period;
        destination[period] = Value(gain, loss);
        for (int t = period + 1; t < values.Length; t++)
        {
            double d = values[t] - values[t - 1];
            gain = ((gain * (period - 1)) + Math.Max(d, 0)) / period;
            loss = ((loss * (period - 1)) + Math.Max(-d, 0)) / period;
            destination[t] = Value(gain, loss);
        }
    }

    private static double Value(double gain, double loss)
    {
        if (loss == 0)
        {
            return gain == 0 ? 50.0 : 100.0;
        }

        return 100.0 - (100.0 / (1.0 + (gain / loss)));
    }
}
