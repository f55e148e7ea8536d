namespace QuantFunctions.Core.Features;

/// <summary>One symbol's daily OHLCV bars as columns, oldest first.</summary>
/// <remarks>
/// <see cref="Timestamps"/> are bar open times in UTC (for daily bars: the session date at 00:00 UTC). Only the
/// column lengths are checked here; values are checked by the consumers (<see cref="FeatureSet"/> throws on bad
/// values, the health audit reports them). The arrays are not copied: do not mutate them while in use.
/// </remarks>
public sealed class SymbolBars
{
    /// <summary>Creates the bar set.</summary>
    /// <param name="symbol">Canonical <c>EXCHANGE:SYMBOL</c>.</param>
    /// <param name="timestamps">Bar open times (UTC).</param>
    /// <param name="open">Opens.</param>
    /// <param name="high">Highs.</param>
    /// <param name="low">Lows.</param>
    /// <param name="close">Closes.</param>
    /// <param name="volume">Volumes.</param>
    /// <exception cref="ArgumentException">The symbol is empty or a column's length differs from the timestamps'.</exception>
    public SymbolBars(
        string symbol,
        DateTimeOffset[] timestamps,
        double[] open,
        double[] high,
        double[] low,
        double[] close,
        double[] volume)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentNullException.ThrowIfNull(timestamps);
        Check(symbol, timestamps.Length, open, nameof(open));
        Check(symbol, timestamps.Length, high, nameof(high));
        Check(symbol, timestamps.Length, low, nameof(low));
        Check(symbol, timestamps.Length, close, nameof(close));
        Check(symbol, timestamps.Length, volume, nameof(volume));
        Symbol = symbol;
        Timestamps = timestamps;
        Open = open;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
    }

    /// <summary>Canonical symbol.</summary>
    public string Symbol { get; }

    /// <summary>Bar open times (UTC).</summary>
    public DateTimeOffset[] Timestamps { get; }

    /// <summary>Opens.</summary>
    public double[] Open { get; }

    /// <summary>Highs.</summary>
    public double[] High { get; }

    /// <summary>Lows.</summary>
    public double[] Low { get; }

    /// <summary>Closes.</summary>
    public double[] Close { get; }

    /// <summary>Volumes.</summary>
    public double[] Volume { get; }

    /// <summary>Number of bars.</summary>
    public int Count => Timestamps.Length;

    /// <summary>The first <paramref name="count"/> bars (a copy), e.g. the data as it stood at an earlier time.</summary>
    /// <param name="count">Number of leading bars to keep.</param>
    /// <returns>A new bar set over copies of the leading rows.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or exceeds <see cref="Count"/>.</exception>
    public SymbolBars Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        return new SymbolBars(
            Symbol, Timestamps[..count], Open[..count], High[..count], Low[..count], Close[..count], Volume[..count]);
    }

    private static void Check(string symbol, int expected, double[] column, string name)
    {
        ArgumentNullException.ThrowIfNull(column, name);
        if (column.Length != expected)
        {
            throw new ArgumentException(
                $"Symbol {symbol}: column '{name}' has {column.Length} rows but there are {expected} timestamps.", name);
        }
    }
}
