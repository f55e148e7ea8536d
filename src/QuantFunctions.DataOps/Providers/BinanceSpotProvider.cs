using System.Globalization;
using System.Text.Json;
using QuantFunctions.Core.Discovery;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Paths;

namespace QuantFunctions.DataOps.Providers;

/// <summary>
/// An adapter shaped on the Binance spot REST API: discovery from <c>GET /api/v3/exchangeInfo</c>
/// (symbols with status <c>TRADING</c>, as <c>BINANCE:{symbol}</c>, asset type <c>spot</c>), daily bars
/// from <c>GET /api/v3/klines?symbol=&amp;interval=1d&amp;startTime=&amp;endTime=&amp;limit=</c>, paged until a
/// short page. Each kline is an array <c>[openTime ms, "open", "high", "low", "close", "volume", closeTime, …]</c>;
/// the bar date is the UTC date of the open time. Requests go through the bounded retry pipeline of
/// <see cref="HttpProviderOptions"/>. Paging must advance: a full page whose last open time is before the page's start is
/// <see cref="ErrorCodes.ProviderPagingStalled"/>, and more than <see cref="HttpProviderOptions.MaxPages"/> pages is
/// <see cref="ErrorCodes.ProviderTooManyPages"/>, so a server that never sends a short page cannot keep a fetch going.
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
        (byte[] body, _) = await _http.SendAsync(HttpMethod.Get, uri, null, cancellationToken).ConfigureAwait(false);
        var records = new List<CandidateRecord>();
        using JsonDocument doc = Parse(body, uri);
        if (!doc.RootElement.TryGetProperty("symbols", out JsonElement symbols) || symbols.ValueKind != JsonValueKind.Array)
        {
            throw new ProviderException($"GET {OutboundUrl.Display(uri)}: response has no 'symbols' array") { Code = ErrorCodes.ProviderMalformed };
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
        using var payload = new MemoryStream();
        payload.WriteByte((byte)'[');
        int pages = 0;
        while (start <= end)
        {
            Uri uri = new(_http.Options.BaseAddress, string.Create(CultureInfo.InvariantCulture,
                $"/api/v3/klines?symbol={Uri.EscapeDataString(symbol.Ticker)}&interval=1d&startTime={start}&endTime={end}&limit={limit}"));
            if (pages == _http.Options.MaxPages)
            {
                throw new ProviderException(string.Create(CultureInfo.InvariantCulture,
                    $"GET {OutboundUrl.Display(uri)}: {symbol} needs more than {pages} pages of {limit} klines ({OutboundHttpOptions.MaxPagesSetting}); stopped"), attempts)
                {
                    Code = ErrorCodes.ProviderTooManyPages,
                };
            }

            (byte[] body, IReadOnlyList<ProviderAttempt> log) = await _http.SendAsync(HttpMethod.Get, uri, null, cancellationToken).ConfigureAwait(false);
            attempts.AddRange(log);
            if (pages++ > 0)
            {
                payload.WriteByte((byte)',');
            }

            payload.Write(body);
            int rows = ParseKlines(body, uri, limit, acc, out long lastOpen);
            if (rows < limit)
            {
                break;
            }

            if (lastOpen < start)
            {
                throw new ProviderException(string.Create(CultureInfo.InvariantCulture,
                    $"GET {OutboundUrl.Display(uri)}: paging does not advance: a full page of {rows} klines ends at open time {lastOpen}, before the page's start {start}"), attempts)
                {
                    Code = ErrorCodes.ProviderPagingStalled,
                };
            }

            start = lastOpen + 1;
        }

        payload.WriteByte((byte)']');
        return acc.ToFetch(payload.ToArray(), RawFormat.Json, attempts);
    }

    private static long Millis(DateOnly date) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static JsonDocument Parse(byte[] body, Uri uri) => ResilientHttp.ParseJson(body, "GET " + OutboundUrl.Display(uri));

    private static int ParseKlines(byte[] body, Uri uri, int limit, BarAccumulator acc, out long lastOpen)
    {
        lastOpen = 0;
        using JsonDocument doc = Parse(body, uri);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new ProviderException($"GET {OutboundUrl.Display(uri)}: expected an array of klines, got {ResilientHttp.Describe(doc.RootElement)}") { Code = ErrorCodes.ProviderMalformed };
        }

        if (doc.RootElement.GetArrayLength() > limit)
        {
            throw new ProviderException(string.Create(CultureInfo.InvariantCulture,
                $"GET {OutboundUrl.Display(uri)}: {doc.RootElement.GetArrayLength()} klines in a page of at most {limit}")) { Code = ErrorCodes.ProviderMalformed };
        }

        int row = 0;
        foreach (JsonElement k in doc.RootElement.EnumerateArray())
        {
            string origin = string.Create(CultureInfo.InvariantCulture, $"GET {uri.PathAndQuery}#{row}");
            if (k.ValueKind != JsonValueKind.Array || k.GetArrayLength() < 6 || k[0].ValueKind != JsonValueKind.Number)
            {
                throw new ProviderException($"{origin}: a kline is [openTime, open, high, low, close, volume, …]; got {ResilientHttp.Describe(k)}") { Code = ErrorCodes.ProviderMalformed };
            }

            if (!k[0].TryGetInt64(out lastOpen) || lastOpen < 0 || lastOpen > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            {
                throw new ProviderException($"{origin}: the open time is not a whole number of milliseconds") { Code = ErrorCodes.ProviderMalformed };
            }

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
        _ => throw new ProviderException($"{origin}: {ResilientHttp.Describe(e)} is not a number") { Code = ErrorCodes.ProviderMalformed },
    };
}
