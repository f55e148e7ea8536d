using QuantFunctions.Testing;
using QuantFunctions.Core.Discovery;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.DataOps.Providers;

namespace QuantFunctions.DataOps.Tests.Providers;

public sealed class BinanceSpotProviderTests
{
    private static readonly Symbol Btc = Symbol.Parse("BINANCE:BTCUSDT");

    private static HttpProviderOptions Options(Uri baseAddress, int retries = 3) => new()
    {
        BaseAddress = baseAddress,
        MaxRetries = retries,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryAfter = TimeSpan.FromMilliseconds(20),
        PageLimit = 3,
    };

    [Fact]
    public async Task FetchBars_TwoRecordedPages_ParsesEveryKlineAndPagesFromLastOpenTime()
    {
        using var server = new FixtureServer((path, _) => FixtureReply.File(path.Contains("startTime=1704067200000", StringComparison.Ordinal) ? "klines_btcusdt_page1.json" : "klines_btcusdt_page2.json"));
        using var http = new HttpClient();
        var provider = new BinanceSpotProvider(http, Options(server.BaseAddress));

        ProviderFetch fetch = await provider.FetchBarsAsync(Btc, new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 4), CancellationToken.None);

        // Expected values are the recorded klines (fixture files): 3 rows on page 1 (= limit, so a second page), 1 on page 2.
        Assert.Equal(4, fetch.Bars.Count);
        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 3), new DateOnly(2024, 1, 4)], fetch.Bars.Dates);
        Assert.Equal(42283.58, fetch.Bars.Open[0]);
        Assert.Equal(44151.10, fetch.Bars.Close[3]);
        Assert.Equal(81194.55173, fetch.Bars.Volume[2]);
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains("startTime=1704240000001", server.Requests.Last(), StringComparison.Ordinal);
        Assert.Contains("symbol=BTCUSDT&interval=1d", server.Requests.First(), StringComparison.Ordinal);
        Assert.Equal(Lake.Paths.RawFormat.Json, fetch.Format);
        Assert.StartsWith("[[[1704067200000", System.Text.Encoding.UTF8.GetString(fetch.Payload.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchBars_429StormThenSuccess_RetriesHonouringCappedRetryAfterAndLogsEachAttempt()
    {
        int calls = 0;
        using var server = new FixtureServer((_, _) => Interlocked.Increment(ref calls) <= 3 ? FixtureReply.Error(429, "1") : FixtureReply.File("klines_btcusdt_page2.json"));
        using var http = new HttpClient();
        var provider = new BinanceSpotProvider(http, Options(server.BaseAddress));

        ProviderFetch fetch = await provider.FetchBarsAsync(Btc, new DateOnly(2024, 1, 4), new DateOnly(2024, 1, 4), CancellationToken.None);

        Assert.Single(fetch.Bars.Dates);
        Assert.Equal(4, fetch.Attempts.Count);
        Assert.Equal([429, 429, 429, 200], fetch.Attempts.Select(a => a.Status!.Value));
        // Retry-After: 1 s is honoured but capped at MaxRetryAfter = 20 ms (the backoff alone would be 1, 2, 4 ms).
        Assert.All(fetch.Attempts.Take(3), a => Assert.Equal(TimeSpan.FromMilliseconds(20), a.RetryDelay));
        Assert.Null(fetch.Attempts[3].Error);
    }

    [Fact]
    public async Task FetchBars_429Forever_FailsHardAfterTheRetryBudgetWithTheAttemptLog()
    {
        using var server = new FixtureServer((_, _) => FixtureReply.Error(429));
        using var http = new HttpClient();
        var provider = new BinanceSpotProvider(http, Options(server.BaseAddress, retries: 2));

        ProviderException ex = await Assert.ThrowsAsync<ProviderException>(() => provider.FetchBarsAsync(Btc, new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 2), CancellationToken.None));

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(3, ex.Attempts.Count);
        Assert.Equal(ErrorCodes.ProviderHttpStatus, ex.Code);
        Assert.Contains("HTTP 429 after 3 attempt(s)", ex.Message, StringComparison.Ordinal);
        // Exponential backoff without Retry-After: 1 ms then 2 ms.
        Assert.Equal([TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2)], ex.Attempts.Take(2).Select(a => a.RetryDelay!.Value));
    }

    [Fact]
    public async Task FetchBars_ServerErrorThenSuccess_Retries()
    {
        int calls = 0;
        using var server = new FixtureServer((_, _) => Interlocked.Increment(ref calls) == 1 ? FixtureReply.Error(503) : FixtureReply.File("klines_btcusdt_page2.json"));
        using var http = new HttpClient();
        ProviderFetch fetch = await new BinanceSpotProvider(http, Options(server.BaseAddress)).FetchBarsAsync(Btc, new DateOnly(2024, 1, 4), new DateOnly(2024, 1, 4), CancellationToken.None);

        Assert.Equal([503, 200], fetch.Attempts.Select(a => a.Status!.Value));
    }

    [Fact]
    public async Task FetchBars_NotFound_IsNotRetried()
    {
        using var server = new FixtureServer((_, _) => FixtureReply.Error(400));
        using var http = new HttpClient();
        ProviderException ex = await Assert.ThrowsAsync<ProviderException>(() =>
            new BinanceSpotProvider(http, Options(server.BaseAddress)).FetchBarsAsync(Btc, new DateOnly(2024, 1, 4), new DateOnly(2024, 1, 4), CancellationToken.None));

        Assert.Single(server.Requests);
        Assert.Equal(ErrorCodes.ProviderHttpStatus, ex.Code);
        Assert.Contains("HTTP 400", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchBars_TruncatedJson_FailsNamingTheRequest()
    {
        using var server = new FixtureServer((_, _) => FixtureReply.File("klines_truncated.json"));
        using var http = new HttpClient();
        ProviderException ex = await Assert.ThrowsAsync<ProviderException>(() =>
            new BinanceSpotProvider(http, Options(server.BaseAddress)).FetchBarsAsync(Btc, new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 2), CancellationToken.None));

        Assert.Equal(ErrorCodes.ProviderMalformed, ex.Code);
        Assert.Contains("/api/v3/klines?symbol=BTCUSDT", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchBars_EmptyResult_ReturnsNoBars()
    {
        using var server = new FixtureServer((_, _) => new FixtureReply(200, "[]"u8.ToArray()));
        using var http = new HttpClient();
        ProviderFetch fetch = await new BinanceSpotProvider(http, Options(server.BaseAddress)).FetchBarsAsync(Btc, new DateOnly(2030, 1, 1), new DateOnly(2030, 1, 2), CancellationToken.None);

        Assert.Equal(0, fetch.Bars.Count);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task FetchBars_ConnectionRefused_FailsAfterTheBudget()
    {
        using var http = new HttpClient();
        var provider = new BinanceSpotProvider(http, Options(new Uri($"http://127.0.0.1:{FixtureServer.FreePort()}/"), retries: 2));

        ProviderException ex = await Assert.ThrowsAsync<ProviderException>(() => provider.FetchBarsAsync(Btc, new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 2), CancellationToken.None));

        Assert.Equal(3, ex.Attempts.Count);
        Assert.All(ex.Attempts, a => Assert.Null(a.Status));
        Assert.Equal(ErrorCodes.ProviderTransport, ex.Code);
    }

    [Fact]
    public async Task Discover_ExchangeInfo_ListsTradingSymbolsAsCanonicalSpotCandidates()
    {
        using var server = new FixtureServer((_, _) => FixtureReply.File("exchange_info.json"));
        using var http = new HttpClient();
        IReadOnlyList<CandidateRecord> records = await new BinanceSpotProvider(http, Options(server.BaseAddress)).DiscoverAsync(CancellationToken.None);
        CandidateSet set = CandidateNormalizer.Normalize(records, CandidateMode.Strict);

        // The fixture lists ETHUSDT, BTCUSDT (TRADING) and LUNAUSDT (BREAK, excluded); output is ordinal.
        Assert.Equal(["BINANCE:BTCUSDT", "BINANCE:ETHUSDT"], set.Candidates.Select(c => c.Symbol));
        Assert.All(set.Candidates, c => Assert.Equal(("BINANCE", "spot", "LONG"), (c.Exchange, c.AssetType, c.Direction)));
        Assert.Equal("BTC", set.Candidates[0].Metadata["base_asset"]);
        Assert.Equal("/api/v3/exchangeInfo", server.Requests.Single());
    }
}
