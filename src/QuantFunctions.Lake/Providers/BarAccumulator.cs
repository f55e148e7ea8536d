using QuantFunctions.Core.Market;

namespace QuantFunctions.Lake.Providers;

/// <summary>Growable column arrays for one symbol's rows while a file or response is parsed.</summary>
internal sealed class BarAccumulator(Symbol symbol, int capacity = 256)
{
    private DateOnly[] _dates = new DateOnly[capacity];
    private double[] _open = new double[capacity], _high = new double[capacity], _low = new double[capacity], _close = new double[capacity], _volume = new double[capacity];
    private string[] _origins = new string[capacity];

    public Symbol Symbol { get; } = symbol;

    public int Count { get; private set; }

    public void Add(DateOnly date, double open, double high, double low, double close, double volume, string origin)
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
            Array.Resize(ref _origins, size);
        }

        (_dates[Count], _open[Count], _high[Count], _low[Count], _close[Count], _volume[Count], _origins[Count]) = (date, open, high, low, close, volume, origin);
        Count++;
    }

    public RawBars ToBars() =>
        new(Symbol, _dates[..Count], _open[..Count], _high[..Count], _low[..Count], _close[..Count], _volume[..Count], _origins[..Count]);
}
