namespace QuantFunctions.Core.Market;

/// <summary>
/// Daily OHLCV bars of one symbol, stored column-wise (struct of arrays). Dates are strictly
/// increasing and unique; all columns have the same length. OHLC plausibility (high ≥ max(open,
/// close), positive prices) is a data-health rule and is checked by <see cref="FindOhlcViolation"/>,
/// not enforced here, so that unhealthy data can still be represented and reported.
/// </summary>
public sealed class BarSeries
{
    /// <summary>Creates a bar series; the arrays are taken as is (not copied).</summary>
    /// <param name="symbol">The instrument.</param>
    /// <param name="dates">Session dates, strictly increasing.</param>
    /// <param name="open">Open prices.</param>
    /// <param name="high">High prices.</param>
    /// <param name="low">Low prices.</param>
    /// <param name="close">Close prices.</param>
    /// <param name="volume">Volumes.</param>
    /// <exception cref="DomainValidationException">On length mismatch or non-increasing dates.</exception>
    public BarSeries(Symbol symbol, DateOnly[] dates, double[] open, double[] high, double[] low, double[] close, double[] volume)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(high);
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(close);
        ArgumentNullException.ThrowIfNull(volume);
        string what = $"bars of {symbol}";
        Guard.SameLength(dates.Length, open.Length, what, "open");
        Guard.SameLength(dates.Length, high.Length, what, "high");
        Guard.SameLength(dates.Length, low.Length, what, "low");
        Guard.SameLength(dates.Length, close.Length, what, "close");
        Guard.SameLength(dates.Length, volume.Length, what, "volume");
        Guard.StrictlyIncreasing(dates, what);
        Symbol = symbol;
        Dates = dates;
        Open = open;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
    }

    /// <summary>The instrument.</summary>
    public Symbol Symbol { get; }

    /// <summary>Session dates, strictly increasing.</summary>
    public DateOnly[] Dates { get; }

    /// <summary>Open prices.</summary>
    public double[] Open { get; }

    /// <summary>High prices.</summary>
    public double[] High { get; }

    /// <summary>Low prices.</summary>
    public double[] Low { get; }

    /// <summary>Close prices.</summary>
    public double[] Close { get; }

    /// <summary>Volumes.</summary>
    public double[] Volume { get; }

    /// <summary>The number of bars.</summary>
    public int Count => Dates.Length;

    /// <summary>
    /// The first row breaking OHLC plausibility — a non-finite or non-positive price, high below
    /// max(open, close), low above min(open, close), or a non-positive volume — or -1 when all rows pass.
    /// </summary>
    /// <returns>The row index, or -1.</returns>
    public int FindOhlcViolation()
    {
        for (int i = 0; i < Dates.Length; i++)
        {
            double o = Open[i], h = High[i], l = Low[i], c = Close[i], v = Volume[i];
            bool valid = double.IsFinite(o) && double.IsFinite(h) && double.IsFinite(l) && double.IsFinite(c) && double.IsFinite(v)
                && o > 0 && h > 0 && l > 0 && c > 0 && v > 0
                && h >= Math.Max(o, c) && l <= Math.Min(o, c);
            if (!valid)
            {
                return i;
            }
        }

        return -1;
    }
}
