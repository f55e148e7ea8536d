using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Paths;

namespace QuantFunctions.DataOps.Providers;

/// <summary>
/// Builds one symbol's <see cref="ProviderFetch"/> while a file or response is parsed: growable column arrays and row
/// origins, handed over as a <see cref="BarSeries.AsDelivered"/> series (no validation).
/// </summary>
internal sealed class BarAccumulator(Symbol symbol, int capacity = 256, string? source = null)
{
    private DateOnly[] _dates = new DateOnly[capacity];
    private double[] _open = new double[capacity], _high = new double[capacity], _low = new double[capacity], _close = new double[capacity], _volume = new double[capacity];
    private string[] _origins = source is null ? new string[capacity] : [];
    private int[] _lines = source is null ? [] : new int[capacity];

    public Symbol Symbol { get; } = symbol;

    public int Count { get; private set; }

    /// <summary>Adds a row with an explicit origin (accumulators created without a source).</summary>
    public void Add(DateOnly date, double open, double high, double low, double close, double volume, string origin)
    {
        Grow();
        _origins[Count] = origin;
        Set(date, open, high, low, close, volume);
    }

    /// <summary>Adds a row at a line of the accumulator's source file.</summary>
    public void Add(DateOnly date, double open, double high, double low, double close, double volume, int line)
    {
        Grow();
        _lines[Count] = line;
        Set(date, open, high, low, close, volume);
    }

    /// <summary>The rows so far, with the payload they were parsed from.</summary>
    public ProviderFetch ToFetch(ReadOnlyMemory<byte> payload, RawFormat format, IReadOnlyList<ProviderAttempt> attempts) =>
        new(BarSeries.AsDelivered(Symbol, _dates[..Count], _open[..Count], _high[..Count], _low[..Count], _close[..Count], _volume[..Count]),
            source is null ? RowOrigins.Of(_origins[..Count]) : RowOrigins.Lines(source, _lines[..Count]),
            payload,
            format,
            attempts);

    private void Set(DateOnly date, double open, double high, double low, double close, double volume)
    {
        (_dates[Count], _open[Count], _high[Count], _low[Count], _close[Count], _volume[Count]) = (date, open, high, low, close, volume);
        Count++;
    }

    private void Grow()
    {
        if (Count == _dates.Length)
        {
            int size = _dates.Length * 2;
            Array.Resize(ref _dates, size);
            Array.Resize(ref _open, size);
            Array.Resize(ref _high, size);
            Array.Resize(ref _low, size);
            Array.Resize(ref _close, size);
            Array.Resize(ref _volume, size);
            Array.Resize(ref _origins, source is null ? size : 0);
            Array.Resize(ref _lines, source is null ? 0 : size);
        }
    }
}
