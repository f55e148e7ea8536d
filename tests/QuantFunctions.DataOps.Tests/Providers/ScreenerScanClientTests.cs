using QuantFunctions.Testing;
using QuantFunctions.Core.Discovery;
using QuantFunctions.Core.Errors;
using QuantFunctions.DataOps.Providers;

namespace QuantFunctions.DataOps.Tests.Providers;

public sealed class ScreenerScanClientTests
{
    private static HttpProviderOptions Options(Uri baseAddress) => new()
    {
        BaseAddress = baseAddress,
        MaxRetries = 2,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryAfter = TimeSpan.FromMilliseconds(5),
        PageLimit = 2,
    };

    [Fact]
    public async Task Scan_TwoPages_MapsColumnsAndPagesUntilTotalCount()
    {
        using var server = new FixtureServer((_, body) => FixtureReply.File(body.Contains("\"range\":[0,2]", StringComparison.Ordinal) ? "scan_page1.json" : "scan_page2.json"));
        using var http = new HttpClient();
        var client = new ScreenerScanClient(http, Options(server.BaseAddress), "crypto", "spot");

        ScreenerScan scan = await client.ScanAsync(CancellationToken.None);
        (IReadOnlyList<CandidateRecord> records, IReadOnlyList<ProviderAttempt> attempts) = (scan.Records, scan.Attempts);
        CandidateSet set = CandidateNormalizer.Normalize(records, CandidateMode.Strict);

        // Fixture: totalCount 3 over two pages of size 2; Volatility.D is in percent (3.21 → 0.0321).
        Assert.Equal(3, records.Count);
        Assert.Equal(2, attempts.Count);
        Assert.Equal("/crypto/scan", server.Requests.First());
        Assert.Equal(new Uri(server.BaseAddress, "/crypto/scan"), scan.Url);
        // The raw payload is both recorded pages, byte for byte, as a JSON array.
        string page1 = File.ReadAllText(FixtureServer.PathOf("scan_page1.json")), page2 = File.ReadAllText(FixtureServer.PathOf("scan_page2.json"));
        Assert.Equal("[" + page1 + "," + page2 + "]", System.Text.Encoding.UTF8.GetString(scan.Payload.Span));
        Assert.All(attempts, a => Assert.True(a.DurationMs >= 0));
        Assert.Equal(["BINANCE:BTCUSDT", "BINANCE:DOGEUSDT", "BINANCE:ETHUSDT"], set.Candidates.Select(c => c.Symbol));
        Candidate btc = set.Candidates[0];
        Assert.Equal(2105106283.63, btc.Volume24h);
        Assert.Equal(0.0321, UniverseConfig.DailyVolatility(btc)!.Value, 12);
        Assert.Equal(1, btc.MarketCapRank);
        Assert.Equal(("Currency", "Crypto"), (btc.Sector, btc.Industry));
        Assert.Equal("BTCUSDT", btc.Metadata["name"]);

        // Spot floors: DOGE has $8.5M turnover (< $10M) and 0.8 % volatility (≤ 1 %) → excluded.
        UniverseSelection universe = UniverseSelector.Select(set.Candidates, UniverseConfig.Spot());
        Assert.Equal(["BINANCE:BTCUSDT", "BINANCE:ETHUSDT"], universe.Members.Select(c => c.Symbol));
        Assert.Equal("BINANCE:DOGEUSDT", Assert.Single(universe.Excluded).Symbol);
    }

    [Fact]
    public async Task Scan_EmptyResult_ZeroCandidatesIsAFailure()
    {
        using var server = new FixtureServer((_, _) => FixtureReply.File("scan_empty.json"));
        using var http = new HttpClient();
        IReadOnlyList<CandidateRecord> records = (await new ScreenerScanClient(http, Options(server.BaseAddress), "crypto", "spot").ScanAsync(CancellationToken.None)).Records;

        Assert.Empty(records);
        CandidateContractException ex = Assert.Throws<CandidateContractException>(() => CandidateNormalizer.Normalize(records, CandidateMode.Lenient));
        Assert.Equal(ErrorCodes.CandidateContract, ex.Code);
        Assert.Contains("zero valid candidates", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_429Storm_FailsAfterBudget()
    {
        using var server = new FixtureServer((_, _) => FixtureReply.Error(429, "0"));
        using var http = new HttpClient();
        ProviderException ex = await Assert.ThrowsAsync<ProviderException>(() => new ScreenerScanClient(http, Options(server.BaseAddress), "crypto", "spot").ScanAsync(CancellationToken.None));

        Assert.Equal(ErrorCodes.ProviderHttpStatus, ex.Code);
        Assert.Equal(3, ex.Attempts.Count);
        Assert.Equal(TimeSpan.Zero, ex.Attempts[0].RetryDelay);
    }

    [Fact]
    public async Task Scan_SecondPage429Storm_FailureCarriesTheAttemptsOfEveryPage()
    {
        using var server = new FixtureServer((_, body) => body.Contains("\"range\":[0,2]", StringComparison.Ordinal) ? FixtureReply.File("scan_page1.json") : FixtureReply.Error(429, "0"));
        using var http = new HttpClient();
        ProviderException ex = await Assert.ThrowsAsync<ProviderException>(() => new ScreenerScanClient(http, Options(server.BaseAddress), "crypto", "spot").ScanAsync(CancellationToken.None));

        // Page 1: one successful attempt; page 2: 1 + MaxRetries (2) attempts, all 429.
        Assert.Equal([200, 429, 429, 429], ex.Attempts.Select(a => a.Status!.Value));
        Assert.Equal(ErrorCodes.ProviderHttpStatus, ex.Code);
    }

    [Fact]
    public async Task Scan_TruncatedJson_FailsNamingTheRequestWithTheSuccessfulAttempt()
    {
        using var server = new FixtureServer((_, _) => new FixtureReply(200, """{"totalCount":3,"data":[{"s":"BINANCE:BTC"""u8.ToArray()));
        using var http = new HttpClient();
        ProviderException ex = await Assert.ThrowsAsync<ProviderException>(() => new ScreenerScanClient(http, Options(server.BaseAddress), "crypto", "spot").ScanAsync(CancellationToken.None));

        Assert.Contains($"POST {server.BaseAddress.AbsoluteUri}crypto/scan: malformed JSON", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.ProviderMalformed, ex.Code);
        Assert.Equal(200, Assert.Single(ex.Attempts).Status);
    }
}
