using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Trading;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Stages.DataOps;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Trading;

/// <summary>
/// Daily open and close prices of symbols from the bronze OHLCV dataset of their market (the part of the symbol
/// before ':', lower-cased: <c>BINANCE:BTCUSDT</c> → <c>bronze/binance/spot/ohlcv/…</c>), for the years a date range spans.
/// </summary>
public sealed class BronzePrices
{
    private readonly Dictionary<string, (int[] Days, double[] Open, double[] Close)> _bars;

    private BronzePrices(Dictionary<string, (int[] Days, double[] Open, double[] Close)> bars) => _bars = bars;

    /// <summary>The bronze year partitions read (for fingerprints and evidence).</summary>
    public IReadOnlyList<LakePath> Partitions { get; private init; } = [];

    /// <summary>Loads the bars of <paramref name="symbols"/> dated within the years of [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static async Task<BronzePrices> LoadAsync(ILakeStore lake, IEnumerable<string> symbols, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lake);
        ArgumentNullException.ThrowIfNull(symbols);
        var wanted = new HashSet<string>(symbols, StringComparer.Ordinal);
        var markets = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string symbol in wanted)
        {
            markets.Add(MarketOf(symbol));
        }

        var rows = new Dictionary<string, List<(int Day, double Open, double Close)>>(StringComparer.Ordinal);
        var partitions = new List<LakePath>();
        foreach (string market in markets)
        {
            for (int year = from.Year; year <= to.Year; year++)
            {
                LakePath partition = LakePathResolver.BronzePartition(LakeIdentifier.Parse(market, "market"), StageDatasets.SpotProduct, LakeIdentifier.Parse(BarsTable.Dataset), SchemaVersion.V1, BarInterval.Daily, year);
                if (!await HasPartsAsync(lake, partition, cancellationToken))
                {
                    continue;
                }

                partitions.Add(partition);
                (LakeTable table, _) = await LakeTableStore.ReadDatasetAsync(lake, partition, ["date", "symbol", "open", "close"], cancellationToken);
                Collect(table, wanted, rows);
            }
        }

        var bars = new Dictionary<string, (int[] Days, double[] Open, double[] Close)>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, List<(int Day, double Open, double Close)>> kv in rows)
        {
            kv.Value.Sort((a, b) => a.Day.CompareTo(b.Day));
            bars[kv.Key] = ([.. kv.Value.Select(r => r.Day)], [.. kv.Value.Select(r => r.Open)], [.. kv.Value.Select(r => r.Close)]);
        }

        return new BronzePrices(bars) { Partitions = partitions };
    }

    /// <summary>The lower-cased venue of a symbol (its part before ':').</summary>
    /// <exception cref="TradingException">The symbol has no venue prefix.</exception>
    public static string MarketOf(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        int colon = symbol.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? symbol[..colon].ToLowerInvariant() : throw new TradingException($"symbol '{symbol}' has no venue prefix (EXCHANGE:SYMBOL)");
    }

    /// <summary>The close on <paramref name="date"/> or the last one before it, with its date; null when none.</summary>
    public (DateOnly Date, double Close)? LastClose(string symbol, DateOnly date)
    {
        if (!_bars.TryGetValue(symbol, out var s))
        {
            return null;
        }

        int i = Array.BinarySearch(s.Days, LongPanel.ToDays(date));
        i = i >= 0 ? i : ~i - 1;
        return i >= 0 ? (LongPanel.ToDate(s.Days[i]), s.Close[i]) : null;
    }

    /// <summary>The open and close of <paramref name="symbol"/> on exactly <paramref name="date"/>; null when it has no bar that day.</summary>
    public (double Open, double Close)? Bar(string symbol, DateOnly date)
    {
        if (!_bars.TryGetValue(symbol, out var s))
        {
            return null;
        }

        int i = Array.BinarySearch(s.Days, LongPanel.ToDays(date));
        return i >= 0 ? (s.Open[i], s.Close[i]) : null;
    }

    /// <summary>Last closes on or before <paramref name="date"/> of every symbol that has one.</summary>
    public Dictionary<string, double> LastCloses(IEnumerable<string> symbols, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var prices = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string symbol in symbols)
        {
            if (LastClose(symbol, date) is { } close)
            {
                prices[symbol] = close.Close;
            }
        }

        return prices;
    }

    /// <summary>Whether any market has a bar dated <paramref name="date"/> for one of the loaded symbols.</summary>
    public bool HasAnyBar(DateOnly date)
    {
        int day = LongPanel.ToDays(date);
        foreach (var s in _bars.Values)
        {
            if (Array.BinarySearch(s.Days, day) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Throws <see cref="ErrorCodes.TradingMissingPrice"/> naming the symbols without a price.</summary>
    public static void RequirePrices(IEnumerable<string> symbols, IReadOnlyDictionary<string, double> prices, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(prices);
        var missing = symbols.Where(s => !prices.ContainsKey(s)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new TradingException(ErrorCodes.TradingMissingPrice, $"{missing.Count} symbol(s) have no bronze close on or before {date:yyyy-MM-dd}: {string.Join(", ", missing.Take(10))}");
        }
    }

    private static async Task<bool> HasPartsAsync(ILakeStore lake, LakePath prefix, CancellationToken cancellationToken)
    {
        await foreach (LakeObjectInfo info in lake.ListAsync(prefix, cancellationToken))
        {
            if (info.Path.Name.EndsWith(".parquet", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void Collect(LakeTable table, HashSet<string> wanted, Dictionary<string, List<(int Day, double Open, double Close)>> rows)
    {
        int[] days = table.DateDays("date");
        string[] symbols = table.Strings("symbol");
        double[] open = table.Doubles("open"), close = table.Doubles("close");
        for (int i = 0; i < days.Length; i++)
        {
            if (!wanted.Contains(symbols[i]))
            {
                continue;
            }

            if (!rows.TryGetValue(symbols[i], out var list))
            {
                rows[symbols[i]] = list = [];
            }

            list.Add((days[i], open[i], close[i]));
        }
    }
}
