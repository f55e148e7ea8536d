using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.DataOps.Providers;
using QuantFunctions.Testing;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Stages;
using Xunit.Abstractions;

namespace QuantFunctions.Stages.Tests.DataOps;

/// <summary>
/// What a hostile or broken market data server can cost (issue 12): each case stops with a typed <see cref="ProviderException"/>
/// quickly and with bounded allocation. Costs are printed for the closing note; the bounds asserted are generous on purpose.
/// The bound counts the whole process's allocations, so the class runs alone (<see cref="AllocationMeasuredCollection"/>).
/// </summary>
[Collection(AllocationMeasuredCollection.Name)]
public sealed class HostileServerTests(ITestOutputHelper output)
{
    private static readonly Symbol Btc = Symbol.Parse("BINANCE:BTCUSDT");
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private static readonly DateOnly From = new(2024, 1, 1), To = new(2030, 12, 31);

    private static HttpProviderOptions Options(Uri baseAddress, int retries = 0) => new()
    {
        BaseAddress = baseAddress,
        MaxRetries = retries,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(5),
        PageLimit = 3,
        MaxPages = 5,
        MaxResponseBytes = 64 * 1024,
    };

    [Fact]
    public async Task FetchBars_FullPagesThatAllEndOnTheSameOpenTime_PagingStalledOnTheSecondPage()
    {
        // Every page is full (3 = limit) and ends at the same open time: the reported case that never stopped (2.7 GB in 30 s).
        byte[] page = Klines(1704067200000, 1704067200000, 1704067200000);
        using var server = new FixtureServer((_, _) => new FixtureReply(200, page));
        using var http = new HttpClient();

        ProviderException ex = await CostOf("never-advancing pages", () => new BinanceSpotProvider(http, Options(server.BaseAddress)).FetchBarsAsync(Btc, From, To, CancellationToken.None));

        Assert.Equal(ErrorCodes.ProviderPagingStalled, ex.Code);
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains("paging does not advance", ex.Message, StringComparison.Ordinal);
        Assert.Contains(server.BaseAddress.Authority, ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.Attempts.Count);
    }

    [Fact]
    public async Task FetchBars_FullPagesAdvancingOneMillisecondAtATime_StopsAtThePageCap()
    {
        // Each page echoes the requested start: paging advances by 1 ms, so only the page cap ends it.
        using var server = new FixtureServer((path, _) =>
        {
            long start = long.Parse(Query(path, "startTime"), CultureInfo.InvariantCulture);
            return new FixtureReply(200, Klines(start, start, start));
        });
        using var http = new HttpClient();

        ProviderException ex = await CostOf("pages advancing 1 ms", () => new BinanceSpotProvider(http, Options(server.BaseAddress)).FetchBarsAsync(Btc, From, To, CancellationToken.None));

        Assert.Equal(ErrorCodes.ProviderTooManyPages, ex.Code);
        Assert.Equal(5, server.Requests.Count);
        Assert.Contains("more than 5 pages", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FetchBars_BodyOverTheCap_ResponseTooLarge(bool chunked)
    {
        byte[] huge = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat("[1704067200000,\"1\",\"1\",\"1\",\"1\",\"1\"]", 200_000)) + "]");
        using var server = new FixtureServer((_, _) => new FixtureReply(200, huge, Chunked: chunked));
        using var http = new HttpClient();

        ProviderException ex = await CostOf($"{huge.Length / 1_000_000} MB body{(chunked ? ", chunked" : string.Empty)}", () =>
            new BinanceSpotProvider(http, Options(server.BaseAddress)).FetchBarsAsync(Btc, From, To, CancellationToken.None));

        Assert.Equal(ErrorCodes.ProviderResponseTooLarge, ex.Code);
        Assert.Contains("limit of 65536 bytes", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/api/v3/klines?symbol=BTCUSDT", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discover_RedirectToAnotherHost_RefusedAndNeverRequested()
    {
        using var elsewhere = new FixtureServer((_, _) => FixtureReply.File("exchange_info.json"));
        using var server = new FixtureServer((_, _) => FixtureReply.Redirect(new Uri(elsewhere.BaseAddress, "/api/v3/exchangeInfo").AbsoluteUri));
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });

        ProviderException ex = await CostOf("redirect to another host", () => new BinanceSpotProvider(http, Options(server.BaseAddress)).DiscoverAsync(CancellationToken.None));

        Assert.Equal(ErrorCodes.ProviderRedirectRefused, ex.Code);
        Assert.Contains($"redirect to {elsewhere.BaseAddress.GetLeftPart(UriPartial.Authority)}/api/v3/exchangeInfo refused", ex.Message, StringComparison.Ordinal);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task Discover_RedirectOnTheSameHost_Followed()
    {
        using var server = new FixtureServer((path, _) => path.StartsWith("/moved", StringComparison.Ordinal) ? FixtureReply.File("exchange_info.json") : FixtureReply.Redirect("/moved/exchangeInfo", 307));
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });

        IReadOnlyList<Core.Discovery.CandidateRecord> records = await new BinanceSpotProvider(http, Options(server.BaseAddress)).DiscoverAsync(CancellationToken.None);

        Assert.Equal(2, records.Count); // the fixture's TRADING symbols
        Assert.Equal(["/api/v3/exchangeInfo", "/moved/exchangeInfo"], server.Requests);
    }

    [Theory]
    [InlineData("http://192.0.2.1/", "plain http to a host that is not loopback")]
    [InlineData("ftp://127.0.0.1/", "is not an http(s) URL")]
    [InlineData("https://user:secret@api.example/", "carries user information")]
    public async Task Discover_UrlThatIsNotHttpsOrLoopback_RefusedWithoutAConnection(string baseAddress, string message)
    {
        using var http = new HttpClient();

        ProviderException ex = await CostOf($"base URL {baseAddress}", () => new BinanceSpotProvider(http, Options(new Uri(baseAddress))).DiscoverAsync(CancellationToken.None));

        Assert.Equal(ErrorCodes.ProviderInsecureUrl, ex.Code);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
        Assert.Empty(ex.Attempts);
    }

    [Theory]
    [InlineData("http://example.com", "not loopback")]
    [InlineData("file:///etc/passwd", "not an http(s) URL")]
    [InlineData("nonsense", "not an absolute http(s) URL")]
    public void IngestParameters_BinanceBaseUrlNotHttpsOrLoopback_InvalidParameterNamingIt(string url, string message)
    {
        StageDescriptor ingest = new StageRegistryBuilder().AddQuantStages().Build().Get("dataops.ingest");

        var ex = Assert.Throws<ManifestValidationException>(() => ingest.BindParameters(new JsonObject { ["source"] = "binance", ["base_url"] = url }));

        Assert.Contains("base_url", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, "SECRET-IN-AN-ERROR-BODY", "HTTP 400 after 1 attempt(s)")]
    [InlineData(200, "{\"SECRET-IN-A-MALFORMED-BODY", "malformed JSON")]
    [InlineData(200, "{\"msg\":\"SECRET-IN-A-WRONG-SHAPE\"}", "expected an array of klines, got an object")]
    [InlineData(200, "[[\"SECRET-AS-OPEN-TIME\",\"1\",\"1\",\"1\",\"1\",\"1\"]]", "got an array of 6 items")]
    public async Task FetchBars_ErrorMessages_NameUrlAndStatusButNeverTheBody(int status, string body, string message)
    {
        using var server = new FixtureServer((_, _) => new FixtureReply(status, Encoding.UTF8.GetBytes(body)));
        using var http = new HttpClient();

        ProviderException ex = await Assert.ThrowsAsync<ProviderException>(() =>
            new BinanceSpotProvider(http, Options(server.BaseAddress)).FetchBarsAsync(Btc, From, To, CancellationToken.None));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Contains("/api/v3/klines?symbol=BTCUSDT", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", ex.ToString(), StringComparison.Ordinal);
        Assert.All(ex.Attempts, a => Assert.DoesNotContain("SECRET", a.Error ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FetchBars_ServerThatNeverAnswers_AttemptTimesOutOnTheTimeProvider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero));
        using var hanging = new HangingReply();
        using var server = new FixtureServer((_, _) => hanging.Hang(new FixtureReply(200, "[]"u8.ToArray())));
        using var http = new HttpClient();
        var provider = new BinanceSpotProvider(http, Options(server.BaseAddress) with { AttemptTimeout = TimeSpan.FromSeconds(30) }, time);

        Task<ProviderFetch> fetch = provider.FetchBarsAsync(Btc, From, To, CancellationToken.None);
        await hanging.Received.WaitAsync(Guard);
        time.Advance(TimeSpan.FromSeconds(31));
        ProviderException ex = await Assert.ThrowsAsync<ProviderException>(() => fetch.WaitAsync(Guard));
        hanging.Release();

        Assert.Equal(ErrorCodes.ProviderTransport, ex.Code);
        Assert.Contains("TimeoutException: the attempt took longer than 30 s", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchBars_StageDeadlinePasses_CancelledAndReportedAsDeadlineExceeded()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero));
        using var hanging = new HangingReply();
        using var server = new FixtureServer((_, _) => hanging.Hang(FixtureReply.Error(503)));
        using var http = new HttpClient();
        var provider = new BinanceSpotProvider(http, Options(server.BaseAddress, retries: 10) with { AttemptTimeout = TimeSpan.FromMinutes(5) }, time);
        using var deadline = new OutboundDeadline(TimeSpan.FromMinutes(2), time, CancellationToken.None);

        Task<ProviderFetch> fetch = provider.FetchBarsAsync(Btc, From, To, deadline.Token);
        await hanging.Received.WaitAsync(Guard);
        time.Advance(TimeSpan.FromMinutes(2));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch.WaitAsync(Guard));
        hanging.Release();

        Assert.True(deadline.IsExpired);
        ProviderException exceeded = deadline.Exceeded("dataops.ingest node 'dataops.ingest'");
        Assert.Equal(ErrorCodes.ProviderDeadlineExceeded, exceeded.Code);
        Assert.Contains("deadline of 120 s (QF_HTTP_STAGE_DEADLINE)", exceeded.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutboundDeadline_CallerCancels_NotExpired()
    {
        using var caller = new CancellationTokenSource();
        using var deadline = new OutboundDeadline(TimeSpan.FromMinutes(1), new FakeTimeProvider(), caller.Token);

        caller.Cancel();

        Assert.True(deadline.Token.IsCancellationRequested);
        Assert.False(deadline.IsExpired);
    }

    private static byte[] Klines(params long[] openTimes) =>
        Encoding.UTF8.GetBytes("[" + string.Join(",", openTimes.Select(t => string.Create(CultureInfo.InvariantCulture, $"[{t},\"1\",\"2\",\"0.5\",\"1.5\",\"10\",{t + 86_399_999}]"))) + "]");

    private static string Query(string pathAndQuery, string name)
    {
        foreach (string pair in pathAndQuery[(pathAndQuery.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&'))
        {
            if (pair.StartsWith(name + "=", StringComparison.Ordinal))
            {
                return pair[(name.Length + 1)..];
            }
        }

        throw new KeyNotFoundException(name);
    }

    // Runs a call that must fail with a ProviderException within the guard, and prints what it cost (time, bytes allocated).
    private async Task<ProviderException> CostOf<T>(string what, Func<Task<T>> call)
    {
        GC.Collect();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        long started = Stopwatch.GetTimestamp();
        ProviderException ex = await Assert.ThrowsAsync<ProviderException>(() => call().WaitAsync(Guard));
        TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
        long bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"COST {what}: {ex.Code} in {elapsed.TotalMilliseconds:F0} ms, {bytes / 1024.0 / 1024.0:F1} MiB allocated (process-wide)"));
        Assert.True(bytes < 256L * 1024 * 1024, $"{what} allocated {bytes} bytes");
        return ex;
    }
}
