namespace QuantFunctions.Core.Features;

/// <summary>Wilder's Directional Movement System: +DI, −DI and ADX.</summary>
/// <remarks>
/// <para>For t ≥ 1: TR = max(H<sub>t</sub> − L<sub>t</sub>, |H<sub>t</sub> − C<sub>t−1</sub>|, |L<sub>t</sub> − C<sub>t−1</sub>|);
/// up = H<sub>t</sub> − H<sub>t−1</sub>, down = L<sub>t−1</sub> − L<sub>t</sub>; +DM = up if up &gt; down and up &gt; 0 else 0;
/// −DM = down if down &gt; up and down &gt; 0 else 0.</para>
/// <para>Wilder sums: the first TR<sub>n</sub>, +DM<sub>n</sub>, −DM<sub>n</sub> (row n) are the sums over rows 1..n; then
/// S<sub>t</sub> = S<sub>t−1</sub> − S<sub>t−1</sub>/n + value<sub>t</sub>. ±DI = 100 ±DM<sub>n</sub> / TR<sub>n</sub>
/// (rows ≥ n); DX = 100 |+DI − −DI| / (+DI + −DI) (0 when both are 0). ADX at row 2n − 1 is the mean of DX over
/// rows n..2n − 1, then ADX<sub>t</sub> = (ADX<sub>t−1</sub>(n − 1) + DX<sub>t</sub>) / n.</para>
/// <para>Warm-up: ±DI are NaN for rows &lt; n, ADX for rows &lt; 2n − 1. A window with zero true range gives ±DI = 0.</para>
/// <para>Reference: J. W. Wilder, <i>New Concepts in Technical Trading Systems</i> (1978); StockCharts ChartSchool
/// "Average Directional Index (ADX)" worksheet.</para>
/// </remarks>
public static class DirectionalMovement
{
    /// <summary>Writes +DI, −DI and ADX for period <paramref name="period"/>.</summary>
    /// <param name="high">Highs, oldest first.</param>
    /// <param name="low">Lows, same length.</param>
    /// <param name="close">Closes, same length.</param>
    /// <param name="period">Wilder period n ≥ 1 (14 by convention).</param>
    /// <param name="plusDi">Destination for +DI in [0, 100].</param>
    /// <param name="minusDi">Destination for −DI in [0, 100].</param>
    /// <param name="adx">Destination for ADX in [0, 100].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> &lt; 1.</exception>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        int period,
        Span<double> plusDi,
        Span<double> minusDi,
        Span<double> adx)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        int n = close.Length;
        KernelGuard.SameLength(n, high.Length, nameof(high));
        KernelGuard.SameLength(n, low.Length, nameof(low));
        KernelGuard.Prepare(close, plusDi, period, nameof(plusDi));
        KernelGuard.Prepare(close, minusDi, period, nameof(minusDi));
        KernelGuard.Prepare(close, adx, (2 * period) - 1, nameof(adx));

        double tr = 0, pdm = 0, mdm = 0, adxValue = 0;
        for (int t = 1; t < n; t++)
        {
            double up = high[t] - high[t - 1], down = low[t - 1] - low[t];
            double trueRange = Math.Max(high[t] - low[t], Math.Max(Math.Abs(high[t] - close[t - 1]), Math.Abs(low[t] - close[t - 1])));
            double plus = up > down && up > 0 ? up : 0;
            double minus = down > up && down > 0 ? down : 0;
            if (t <= period)
            {
                tr += trueRange;
                pdm += plus;
                mdm += minus;
                if (t < period)
                {
                    continue;
                }
            }
            else
            {
                tr = tr - (tr / period) + trueRange;
                pdm = pdm - (pdm / period) + plus;
                mdm = mdm - (mdm / period) + minus;
            }

            double pdi = tr > 0 ? 100.0 * pdm / tr : 0.0;
            double mdi = tr > 0 ? 100.0 * mdm / tr : 0.0;
            plusDi[t] = pdi;
            minusDi[t] = mdi;
            double sum = pdi + mdi;
            double dx = sum > 0 ? 100.0 * Math.Abs(pdi - mdi) / sum : 0.0;
            if (t < (2 * period) - 1)
            {
                adxValue += dx;
            }
            else if (t == (2 * period) - 1)
            {
                adxValue = (adxValue + dx) / period;
                adx[t] = adxValue;
            }
            else
            {
                adxValue = ((adxValue * (period - 1)) + dx) / period;
                adx[t] = adxValue;
            }
        }
    }
}
