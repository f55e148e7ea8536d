namespace QuantFunctions.Core.Market;

/// <summary>
/// Daily OHLCV bars of one symbol, stored column-wise (struct of arrays) — the platform's one bar type, from a
/// provider's rows to the features. All columns have the same length. OHLC plausibility (high ≥ max(open, close),
/// positive prices) is a data-health rule and is checked by <see cref="FindOhlcViolation"/>, not enforced here, so
/// that unhealthy data can still be represented and reported.
/// </summary>
/// <remarks>
/// A series made by the constructor has strictly increasing, unique dates (<see cref="IsOrdered"/>): what the lake
/// holds and what returns, calendars and features take. <see cref="AsDelivered"/> makes one with the dates as a
/// provider delivered them or as data under audit stands — possibly repeated or out of order; ingest validation and
/// the health audit report such rows. A bar's time stamp (<see cref="OpenTime"/>) is its date at 00:00 UTC.
/// </remarks>
public sealed class BarSeries
{
    /// <summary>Creates a bar series with strictly increasing dates; the arrays are taken as is (not copied).</summary>
    /// <param name="symbol">The instrument.</param>
    /// <param name="dates">Session dates, strictly increasing.</param>
    /// <param name="open">Open prices.</param>
    /// <param name="high">High prices.</param>
    /// <param name="low">Low prices.</param>
    /// <param name="close">Close prices.</param>
    /// <param name="volume">Volumes.</param>
    /// <exception cref="DomainValidationException">On length mismatch or non-increasing dates.</exception>
    public BarSeries(Symbol symbol, DateOnly[] dates, double[] open, double[] high, double[] low, double[] close, double[] volume)
        : this(symbol, dates, open, high, low, close, volume, requireOrder: true)
    {
    }

    private BarSeries(Symbol symbol, DateOnly[] dates, double[] open, double[] high, double[] low, double[] close, double[] volume, bool requireOrder)
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
        if (requireOrder)
        {
            Guard.StrictlyIncreasing(dates, what);
        }

        Symbol = symbol;
        Dates = dates;
        Open = open;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
        IsOrdered = requireOrder || StrictlyIncreasing(dates);
    }

    /// <summary>The instrument.</summary>
    public Symbol Symbol { get; }

    /// <summary>Bar dates (UTC days): strictly increasing unless the series was made by <see cref="AsDelivered"/>.</summary>
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

    /// <summary>Whether the dates are strictly increasing (always for a series made by the constructor).</summary>
    public bool IsOrdered { get; }

    /// <summary>
    /// Bars as delivered (a provider's rows) or as data under audit stands: only the column lengths are checked;
    /// dates may repeat or go backwards (<see cref="IsOrdered"/> says whether they do not). The arrays are taken as is.
    /// </summary>
    /// <param name="symbol">The instrument.</param>
    /// <param name="dates">Bar dates (UTC day), in any order.</param>
    /// <param name="open">Open prices.</param>
    /// <param name="high">High prices.</param>
    /// <param name="low">Low prices.</param>
    /// <param name="close">Close prices.</param>
    /// <param name="volume">Volumes.</param>
    /// <returns>The series.</returns>
    /// <exception cref="DomainValidationException">On length mismatch.</exception>
    public static BarSeries AsDelivered(Symbol symbol, DateOnly[] dates, double[] open, double[] high, double[] low, double[] close, double[] volume) =>
        new(symbol, dates, open, high, low, close, volume, requireOrder: false);

    /// <summary>The time stamp of a row's bar: its date at 00:00 UTC (the open of a daily bar).</summary>
    /// <param name="row">The row.</param>
    /// <returns>The UTC time stamp.</returns>
    public DateTimeOffset OpenTime(int row) => new(Dates[row].ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The first <paramref name="count"/> bars (a copy), e.g. the data as it stood at an earlier time.</summary>
    /// <param name="count">Number of leading bars to keep.</param>
    /// <returns>A new series over copies of the leading rows.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or exceeds <see cref="Count"/>.</exception>
    public BarSeries Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        return new BarSeries(Symbol, Dates[..count], Open[..count], High[..count], Low[..count], Close[..count], Volume[..count], requireOrder: IsOrdered);
    }

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

    private static bool StrictlyIncreasing(ReadOnlySpan<DateOnly> dates)
    {
        for (int i = 1; i < dates.Length; i++)
        {
            if (dates[i] <= dates[i - 1])
            {
                return false;
            }
        }

        return true;
    }
}
