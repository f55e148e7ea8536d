namespace QuantFunctions.Core.Features;

/// <summary>Rating-style composite scores in [−1, 1], after the TradingView "Recommend.MA / .Other / .All" ratings.</summary>
/// <remarks>
/// <para>Our definition (TradingView publishes its rules in prose only; this is a documented re-statement, not a copy):
/// each rule votes +1 (buy), −1 (sell) or 0 (neutral) at row t, and a rating is the mean of its votes.</para>
/// <para><b>MA rating</b> (Recommend.MA): for every length L in the list (default 10, 20, 30, 50, 100, 200) one vote
/// from SMA(L) and one from EMA(L): +1 if close &gt; MA, −1 if close &lt; MA, 0 if equal. NaN until the longest MA is
/// defined (row max L − 1).</para>
/// <para><b>Oscillator rating</b> (Recommend.Other), three votes:
/// RSI: +1 if RSI<sub>t</sub> &lt; 30 and rising (RSI<sub>t</sub> &gt; RSI<sub>t−1</sub>), −1 if RSI<sub>t</sub> &gt; 70 and falling;
/// ADX: +1 if ADX &gt; 20 and +DI &gt; −DI, −1 if ADX &gt; 20 and −DI &gt; +DI;
/// ROC (momentum): +1 if ROC<sub>t</sub> &gt; 0 and rising, −1 if ROC<sub>t</sub> &lt; 0 and falling; otherwise 0.
/// NaN while any input at t or t − 1 is NaN.</para>
/// <para><b>All rating</b> (Recommend.All) = (MA rating + oscillator rating) / 2; NaN if either is NaN.</para>
/// </remarks>
public static class TechnicalRating
{
    /// <summary>RSI oversold threshold for a buy vote.</summary>
    public const double RsiOversold = 30.0;

    /// <summary>RSI overbought threshold for a sell vote.</summary>
    public const double RsiOverbought = 70.0;

    /// <summary>ADX level above which the DI lines vote.</summary>
    public const double AdxTrendThreshold = 20.0;

    /// <summary>Writes the MA rating of <paramref name="close"/>.</summary>
    /// <param name="close">Closes, oldest first.</param>
    /// <param name="lengths">MA lengths, each ≥ 1 (one SMA and one EMA vote per length).</param>
    /// <param name="destination">Same length as <paramref name="close"/>; values in [−1, 1].</param>
    /// <exception cref="ArgumentException">No lengths, a length &lt; 1, or the lengths of the spans differ.</exception>
    public static void MovingAverageRating(ReadOnlySpan<double> close, ReadOnlySpan<int> lengths, Span<double> destination)
    {
        KernelGuard.SameLength(close, destination, nameof(destination));
        if (lengths.IsEmpty)
        {
            throw new ArgumentException("At least one MA length is required.", nameof(lengths));
        }

        int n = close.Length, longest = 0;
        foreach (int length in lengths)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(length, 1, nameof(lengths));
            longest = Math.Max(longest, length);
        }

        destination.Clear();
        double[] ma = new double[n];
        foreach (int length in lengths)
        {
            MovingAverage.Sma(close, length, ma);
            AddVotes(close, ma, longest - 1, destination);
            MovingAverage.Ema(close, length, ma);
            AddVotes(close, ma, longest - 1, destination);
        }

        double scale = 1.0 / (2 * lengths.Length);
        for (int t = 0; t < n; t++)
        {
            destination[t] = t < longest - 1 ? double.NaN : destination[t] * scale;
        }
    }

    /// <summary>Writes the oscillator rating from RSI, the DMI lines and ROC.</summary>
    /// <param name="rsi">RSI series.</param>
    /// <param name="plusDi">+DI series.</param>
    /// <param name="minusDi">−DI series.</param>
    /// <param name="adx">ADX series.</param>
    /// <param name="roc">ROC series.</param>
    /// <param name="destination">Same length; values in [−1, 1].</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void OscillatorRating(
        ReadOnlySpan<double> rsi,
        ReadOnlySpan<double> plusDi,
        ReadOnlySpan<double> minusDi,
        ReadOnlySpan<double> adx,
        ReadOnlySpan<double> roc,
        Span<double> destination)
    {
        int n = rsi.Length;
        KernelGuard.SameLength(rsi, destination, nameof(destination));
        KernelGuard.SameLength(n, plusDi.Length, nameof(plusDi));
        KernelGuard.SameLength(n, minusDi.Length, nameof(minusDi));
        KernelGuard.SameLength(n, adx.Length, nameof(adx));
        KernelGuard.SameLength(n, roc.Length, nameof(roc));
        KernelGuard.WarmUp(destination, 1);
        for (int t = 1; t < n; t++)
        {
            double r = rsi[t], rp = rsi[t - 1], m = roc[t], mp = roc[t - 1], a = adx[t], p = plusDi[t], q = minusDi[t];
            if (double.IsNaN(r + rp + m + mp + a + p + q))
            {
                destination[t] = double.NaN;
                continue;
            }

            int votes = 0;
            votes += r < RsiOversold && r > rp ? 1 : r > RsiOverbought && r < rp ? -1 : 0;
            votes += a > AdxTrendThreshold ? Math.Sign(p - q) : 0;
            votes += m > 0 && m > mp ? 1 : m < 0 && m < mp ? -1 : 0;
            destination[t] = votes / 3.0;
        }
    }

    /// <summary>Writes the overall rating (MA + oscillator) / 2.</summary>
    /// <param name="movingAverageRating">MA rating.</param>
    /// <param name="oscillatorRating">Oscillator rating.</param>
    /// <param name="destination">Same length; values in [−1, 1].</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void AllRating(ReadOnlySpan<double> movingAverageRating, ReadOnlySpan<double> oscillatorRating, Span<double> destination)
    {
        KernelGuard.SameLength(movingAverageRating, destination, nameof(destination));
        KernelGuard.SameLength(movingAverageRating.Length, oscillatorRating.Length, nameof(oscillatorRating));
        for (int t = 0; t < destination.Length; t++)
        {
            destination[t] = 0.5 * (movingAverageRating[t] + oscillatorRating[t]);
        }
    }

    private static void AddVotes(ReadOnlySpan<double> close, ReadOnlySpan<double> ma, int from, Span<double> votes)
    {
        for (int t = from; t < close.Length; t++)
        {
            votes[t] += Math.Sign(close[t] - ma[t]);
        }
    }
}
