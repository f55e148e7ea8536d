using System.Net;
using System.Net.Http.Headers;
using QuantFunctions.Lake.Azure;

namespace QuantFunctions.Lake.Tests.Azure;

public sealed class RetryAfterTests
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly FixedTime Noon = new(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));

    private static HttpResponseMessage With(RetryConditionHeaderValue? retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = retryAfter;
        return response;
    }

    [Fact]
    public void RetryAfter_Seconds_IsUsedAsIs()
    {
        using HttpResponseMessage response = With(new RetryConditionHeaderValue(TimeSpan.FromSeconds(3)));

        Assert.Equal(TimeSpan.FromSeconds(3), StorageHttpPipeline.RetryAfter(response, TimeSpan.FromSeconds(30), Noon));
    }

    [Fact]
    public void RetryAfter_HttpDate_IsMeasuredFromTheTimeProvider()
    {
        using HttpResponseMessage response = With(new RetryConditionHeaderValue(new DateTimeOffset(2026, 11, 21, 12, 0, 7, TimeSpan.Zero)));

        // 12:00:07 − 12:00:00 = 7 s.
        Assert.Equal(TimeSpan.FromSeconds(7), StorageHttpPipeline.RetryAfter(response, TimeSpan.FromSeconds(30), Noon));
    }

    [Fact]
    public void RetryAfter_BeyondCapOrInThePast_IsClamped()
    {
        using HttpResponseMessage longWait = With(new RetryConditionHeaderValue(TimeSpan.FromSeconds(600)));
        using HttpResponseMessage past = With(new RetryConditionHeaderValue(new DateTimeOffset(2026, 11, 21, 11, 0, 0, TimeSpan.Zero)));

        Assert.Equal(TimeSpan.FromSeconds(30), StorageHttpPipeline.RetryAfter(longWait, TimeSpan.FromSeconds(30), Noon));
        Assert.Equal(TimeSpan.Zero, StorageHttpPipeline.RetryAfter(past, TimeSpan.FromSeconds(30), Noon));
    }

    [Fact]
    public void RetryAfter_NoHeader_LeavesTheBackoffToPolly()
    {
        using HttpResponseMessage response = With(null);

        Assert.Null(StorageHttpPipeline.RetryAfter(response, TimeSpan.FromSeconds(30), Noon));
        Assert.Null(StorageHttpPipeline.RetryAfter(null, TimeSpan.FromSeconds(30), Noon));
    }
}
