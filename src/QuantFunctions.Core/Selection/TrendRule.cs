using QuantFunctions.Core.Features;
using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Selection;

/// <summary>
/// Selection v5 (trend regime and signal) on one asset's price proxy Pₖ = Π_{i≤k}(1 + rᵢ) (P₀ = 1, over its observed
/// returns: no padding). Regime: source &gt; SMA200·(1 + θ) is bull, source &lt; SMA200·(1 − θ) bear, source = P, SMA50(P)
/// or VWMA20 (<c>regime_source</c>). Signal: VWMA20 crossing SMA200 upward (golden, long) or downward (death, short) at a
/// bar among the last N. VWMA20 on the proxy's scale is SMA20(P)·(vwma/sma) with vwma and sma (both 20 rows) from the
/// feature store: the ratio is scale-free, so the store's close-price VWMA maps exactly onto the proxy.
/// </summary>
public static class TrendRule
{
    /// <summary>The long moving average (SMA 200).</summary>
    public const int LongWindow = 200;

    /// <summary>The regime smoother (SMA 50).</summary>
    public const int MidWindow = 50;

    /// <summary>Evaluates the rule at the last point of <paramref name="proxy"/>.</summary>
    /// <param name="proxy">The price proxy, oldest first.</param>
    /// <param name="vwmaOverSma">Per proxy point, the store's vwma/sma as of that bar (NaN when unknown).</param>
    /// <param name="shortWindow">The store's VWMA/SMA window (20).</param>
    /// <param name="options">Threshold, source and recency.</param>
    /// <param name="direction">Long: bull and golden cross; short: bear and death cross.</param>
    /// <returns>The reading; Gap is NaN when fewer than 200 + N points exist or a needed value is NaN.</returns>
    public static TrendSignal Evaluate(ReadOnlySpan<double> proxy, ReadOnlySpan<double> vwmaOverSma, int shortWindow, SelectionOptions options, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(options);
        int n = options.CrossWithin;
        int need = LongWindow + Math.Max(n, 0);
        if (proxy.Length < need)
        {
            return new TrendSignal(double.NaN, false, false);
        }

        int len = Math.Min(proxy.Length, need + MidWindow);
        ReadOnlySpan<double> p = proxy[^len..];
        ReadOnlySpan<double> ratio = vwmaOverSma[^len..];
        double[] smaLong = new double[len], smaMid = new double[len], smaShort = new double[len];
        MovingAverage.Sma(p, LongWindow, smaLong);
        MovingAverage.Sma(p, MidWindow, smaMid);
        MovingAverage.Sma(p, shortWindow, smaShort);
        int t = len - 1;
        double source = options.RegimeSource switch
        {
            TrendSources.Sma50 => smaMid[t],
            TrendSources.Vwma => smaShort[t] * ratio[t],
            _ => p[t],
        };
        double gap = (source / smaLong[t]) - 1.0;
        if (double.IsNaN(gap))
        {
            return new TrendSignal(double.NaN, false, false);
        }

        bool longSide = direction == Direction.Long;
        bool regime = longSide ? gap > options.TrendThreshold : gap < -options.TrendThreshold;
        bool cross = false;
        for (int k = t - n + 1; k <= t && n > 0; k++)
        {
            double before = (smaShort[k - 1] * ratio[k - 1]) - smaLong[k - 1];
            double after = (smaShort[k] * ratio[k]) - smaLong[k];
            cross |= longSide ? before <= 0 && after > 0 : before >= 0 && after < 0;
        }

        return new TrendSignal(gap, regime, cross);
    }
}
