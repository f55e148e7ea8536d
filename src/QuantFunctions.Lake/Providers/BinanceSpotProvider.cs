using System.Globalization;
using System.Text;
using System.Text.Json;
using QuantFunctions.Core.Discovery;
using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Paths;

namespace QuantFunctions.Lake.Providers;

/// <summary>
/// An adapter shaped on the Binance spot REST API: discovery from <c>GET /api/v3/exchangeInfo</c>
/// (symbols with status <c>TRADING</c>, as <c>BINANCE:{symbol}</c>, asset type <c>spot</c>), daily bars
/// from <c>GET /api/v3/klines?symbol=&amp;interval=1d&amp;startTime=&amp;endTime=&amp;limit=</c>, paged until a
/// short page. Each kline is an array <c>[openTime ms, "open", "high", "low", "close", "volume", closeTime, …]</c>;
/// the bar date is the UTC date of the open time. Requests go through the bounded retry pipeline of
/// <see cref="HttpProviderOptions"/>.
/// </summary>
public sealed class BinanceSpotProvider : IMarketDataProvider
{
    private readonly ResilientHttp _http;

    /// <summary>Creates the adapter over <paramref name="http"/> (not owned).</summary>
    public BinanceSpotProvider(HttpClient http, HttpProviderOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = new ResilientHttp(http, options, time ?? TimeProvider.System);
    }

    /// <inheritdoc/>
    public string Name => "binance";

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CandidateRecord>> DiscoverAsync(CancellationToken cancellationToken)
    {
        Uri uri = new(_http.Options.BaseAddress, "/api/v3/exchangeInfo");
        (byte[] body, _) = await _http.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken).ConfigureAwait(false);
        var records = new List<CandidateRecord>();
        using JsonDocument doc = Parse(body, uri);
        if (!doc.RootElement.TryGetProperty("symbols", out JsonElement symbols) || symbols.ValueKind != JsonValueKind.Array)
        {
            throw new ProviderException($"GET {uri.PathAndQuery}: response has no 'symbols' array");
        }

        foreach (JsonElement s in symbols.EnumerateArray())
        {
            string? status = s.TryGetProperty("status", out JsonElement st) ? st.GetString() : null;
            if (!string.Equals(status, "TRADING", StringComparison.Ordinal))
            {
                continue;
            }

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["status"] = status! };
            foreach (string key in (string[])["baseAsset", "quoteAsset"])
            {
                if (s.TryGetProperty(key, out JsonElement v) && v.ValueKind == JsonValueKind.String)
                {
                    metadata[key == "baseAsset" ? "base_asset" : "quote_asset"] = v.GetString()!;
                }
            }

            records.Add(new CandidateRecord
            {
                Symbol = s.TryGetProperty("symbol", out JsonElement sym) ? sym.GetString() : null,
                Exchange = "BINANCE",
                AssetType = "spot",
                Direction = "LONG",
                Metadata = metadata,
            });
        }

        return records;
    }

    /// <inheritdoc/>
    public async Task<ProviderFetch> FetchBarsAsync(Symbol symbol, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        long start = Millis(first), end = Millis(last.AddDays(1)) - 1;
        int limit = _http.Options.PageLimit;
        var acc = new BarAccumulator(symbol);
        var attempts = new List<ProviderAttempt>();
        var payload = new StringBuilder("[");
        int pages = 0;
        while (start <= end)
        {
            Uri uri = new(_http.Options.BaseAddress, string.Create(CultureInfo.InvariantCulture,
                $"/api/v3/klines?symbol={Uri.EscapeDataString(symbol.Ticker)}&interval=1d&startTime={start}&endTime={end}&limit={limit}"));
            (byte[] body, IReadOnlyList<ProviderAttempt> log) = await _http.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken).ConfigureAwait(false);
            attempts.AddRange(log);
            payload.Append(pages++ == 0 ? string.Empty : ",").Append(Encoding.UTF8.GetString(body));
            int rows = ParseKlines(body, uri, acc, out long lastOpen);
            if (rows < limit)
            {
                break;
            }

            start = lastOpen + 1;
        }

        payload.Append(']');
        return new ProviderFetch(acc.ToBars(), Encoding.UTF8.GetBytes(payload.ToString()), RawFormat.Json, attempts);
    }

    private static long Millis(DateOnly date) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static JsonDocument Parse(byte[] body, Uri uri) => ResilientHttp.ParseJson(body, "GET " + uri.PathAndQuery);

    private static int ParseKlines(byte[] body, Uri uri, BarAccumulator acc, out long lastOpen)
    {
        lastOpen = 0;
        using JsonDocument doc = Parse(body, uri);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new ProviderException($"GET {uri.PathAndQuery}: expected an array of klines, got {doc.RootElement.ValueKind}: {ResilientHttp.Excerpt(Encoding.UTF8.GetString(body))}");
        }

        int row = 0;
        foreach (JsonElement k in doc.RootElement.EnumerateArray())
        {
            string origin = string.Create(CultureInfo.InvariantCulture, $"GET {uri.PathAndQuery}#{row}");
            if (k.ValueKind != JsonValueKind.Array || k.GetArrayLength() < 6 || k[0].ValueKind != JsonValueKind.Number)
            {
                throw new ProviderException($"{origin}: a kline is [openTime, open, high, low, close, volume, …]; got {k.GetRawText()}");
            }

            lastOpen = k[0].GetInt64();
            DateOnly date = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(lastOpen).UtcDateTime);
            acc.Add(date, Number(k[1], origin), Number(k[2], origin), Number(k[3], origin), Number(k[4], origin), Number(k[5], origin), origin);
            row++;
        }

        return row;
    }

    private static double Number(JsonElement e, string origin) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) => v,
        _ => throw new ProviderException($"{origin}: '{e.GetRawText()}' is not a number"),
    };
}
