using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Discovery;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.DataOps.Providers;

/// <summary>
/// A discovery scan shaped on the TradingView screener: <c>POST {base}/{market}/scan</c> with
/// <c>{"columns":[…],"range":[from,to],"sort":{…}}</c>, answered by <c>{"totalCount":n,"data":[{"s":"BINANCE:BTCUSDT","d":[…]}]}</c>
/// where <c>d</c> follows <c>columns</c>. Pages of <see cref="HttpProviderOptions.PageLimit"/> rows until
/// <c>totalCount</c> rows are read, at most <see cref="HttpProviderOptions.MaxPages"/> pages
/// (<see cref="ErrorCodes.ProviderTooManyPages"/>); an empty page ends the scan.
/// </summary>
/// <remarks>
/// Column mapping: <c>Value.Traded</c> → volume_24h; <c>Volatility.D</c> (percent) → metadata
/// <c>daily_volatility</c> as a fraction; <c>market_cap_rank</c> → market_cap_rank; <c>sector</c>,
/// <c>industry</c> → their fields; anything else → metadata (raw JSON text). Nulls are omitted.
/// </remarks>
public sealed class ScreenerScanClient
{
    /// <summary>The columns requested by default.</summary>
    public static IReadOnlyList<string> DefaultColumns { get; } = ["name", "close", "Value.Traded", "Volatility.D", "market_cap_rank", "sector", "industry"];

    private readonly ResilientHttp _http;
    private readonly string _market;
    private readonly string _assetType;
    private readonly IReadOnlyList<string> _columns;

    /// <summary>Creates the client.</summary>
    /// <param name="http">The HTTP client (not owned).</param>
    /// <param name="options">Base address, retries and page size.</param>
    /// <param name="market">The screener market path segment (e.g. <c>crypto</c>, <c>america</c>).</param>
    /// <param name="assetType">The asset type given to the candidates (e.g. <c>spot</c>).</param>
    /// <param name="columns">The columns to request; <see cref="DefaultColumns"/> when null.</param>
    /// <param name="time">The clock used for <c>Retry-After</c> dates.</param>
    public ScreenerScanClient(HttpClient http, HttpProviderOptions options, string market, string assetType, IReadOnlyList<string>? columns = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(market);
        ArgumentException.ThrowIfNullOrWhiteSpace(assetType);
        _http = new ResilientHttp(http, options, time ?? TimeProvider.System);
        _market = market;
        _assetType = assetType;
        _columns = columns ?? DefaultColumns;
    }

    /// <summary>The scan endpoint, <c>{base}/{market}/scan</c>.</summary>
    public Uri ScanUrl => new(_http.Options.BaseAddress, "/" + Uri.EscapeDataString(_market) + "/scan");

    /// <summary>Runs the scan: the raw records (normalise them with <see cref="CandidateNormalizer"/>), the attempt log and the raw payload.</summary>
    /// <exception cref="ProviderException">Retry budget exhausted, malformed JSON or a malformed row; its attempts include those of every page requested.</exception>
    public async Task<ScreenerScan> ScanAsync(CancellationToken cancellationToken)
    {
        var records = new List<CandidateRecord>();
        var attempts = new List<ProviderAttempt>();
        using var payload = new MemoryStream();
        payload.WriteByte((byte)'[');
        Uri uri = ScanUrl;
        int total = int.MaxValue;
        try
        {
            for (int pages = 0; records.Count < total; pages++)
            {
                if (pages == _http.Options.MaxPages)
                {
                    throw new ProviderException(string.Create(CultureInfo.InvariantCulture,
                        $"POST {OutboundUrl.Display(uri)}: the scan needs more than {pages} pages of {_http.Options.PageLimit} rows ({OutboundHttpOptions.MaxPagesSetting}); stopped"))
                    {
                        Code = ErrorCodes.ProviderTooManyPages,
                    };
                }

                int from = records.Count, to = from + _http.Options.PageLimit;
                byte[] request = Request(from, to);
                (byte[] body, IReadOnlyList<ProviderAttempt> log) = await _http.SendAsync(
                    HttpMethod.Post, uri, () => new ByteArrayContent(request) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, cancellationToken).ConfigureAwait(false);
                attempts.AddRange(log);
                if (payload.Length > 1)
                {
                    payload.WriteByte((byte)',');
                }

                payload.Write(body);
                if (ParsePage(body, uri, records, out total) == 0)
                {
                    break;
                }
            }
        }
        catch (ProviderException ex) when (attempts.Count > 0)
        {
            // Keep the attempts of the pages already read (and of the page whose body was malformed).
            throw new ProviderException(ex.Message, [.. attempts, .. ex.Attempts], ex) { Code = ex.Code };
        }

        payload.WriteByte((byte)']');
        return new ScreenerScan(uri, records, attempts, payload.ToArray());
    }

    private byte[] Request(int from, int to)
    {
        var columns = new JsonArray();
        foreach (string c in _columns)
        {
            columns.Add(c);
        }

        var body = new JsonObject
        {
            ["columns"] = columns,
            ["range"] = new JsonArray(from, to),
            ["sort"] = new JsonObject { ["sortBy"] = "Value.Traded", ["sortOrder"] = "desc" },
        };
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    private int ParsePage(byte[] body, Uri uri, List<CandidateRecord> records, out int total)
    {
        using (JsonDocument doc = ResilientHttp.ParseJson(body, "POST " + OutboundUrl.Display(uri)))
        {
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("totalCount", out JsonElement count) || count.ValueKind != JsonValueKind.Number
                || !root.TryGetProperty("data", out JsonElement data) || data.ValueKind != JsonValueKind.Array)
            {
                throw new ProviderException($"POST {OutboundUrl.Display(uri)}: expected {{totalCount, data:[…]}}, got {ResilientHttp.Describe(root)}") { Code = ErrorCodes.ProviderMalformed };
            }

            if (!count.TryGetInt32(out total) || total < 0)
            {
                throw new ProviderException($"POST {OutboundUrl.Display(uri)}: totalCount is not a count") { Code = ErrorCodes.ProviderMalformed };
            }

            int read = 0;
            foreach (JsonElement row in data.EnumerateArray())
            {
                records.Add(ToRecord(row, uri, records.Count));
                read++;
            }

            return read;
        }
    }

    private CandidateRecord ToRecord(JsonElement row, Uri uri, int index)
    {
        if (!row.TryGetProperty("s", out JsonElement s) || s.ValueKind != JsonValueKind.String || !row.TryGetProperty("d", out JsonElement d) || d.ValueKind != JsonValueKind.Array)
        {
            throw new ProviderException(string.Create(CultureInfo.InvariantCulture, $"POST {OutboundUrl.Display(uri)}: row {index} is not {{s, d:[…]}}; got {ResilientHttp.Describe(row)}")) { Code = ErrorCodes.ProviderMalformed };
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        double? volume = null;
        int? rank = null;
        string? sector = null, industry = null;
        int n = Math.Min(d.GetArrayLength(), _columns.Count);
        for (int i = 0; i < n; i++)
        {
            JsonElement v = d[i];
            if (v.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            switch (_columns[i])
            {
                case "Value.Traded" when v.ValueKind == JsonValueKind.Number: volume = v.GetDouble(); break;
                case "Volatility.D" when v.ValueKind == JsonValueKind.Number:
                    metadata[UniverseConfig.VolatilityKey] = (v.GetDouble() / 100).ToString("R", CultureInfo.InvariantCulture);
                    break;
                case "market_cap_rank" when v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int r): rank = r; break;
                case "sector" when v.ValueKind == JsonValueKind.String: sector = v.GetString(); break;
                case "industry" when v.ValueKind == JsonValueKind.String: industry = v.GetString(); break;
                default: metadata[_columns[i]] = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText(); break;
            }
        }

        return new CandidateRecord
        {
            Symbol = s.GetString(),
            AssetType = _assetType,
            Direction = "LONG",
            Metadata = metadata,
            Volume24h = volume,
            MarketCapRank = rank,
            Sector = sector,
            Industry = industry,
        };
    }
}
