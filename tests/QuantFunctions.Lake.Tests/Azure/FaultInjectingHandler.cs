using System.Net;

namespace QuantFunctions.Lake.Tests.Azure;

/// <summary>Answers the first <c>failures</c> requests with <paramref name="status"/> and error code ServerBusy (optionally Retry-After), then forwards to the real server; records every Authorization header.</summary>
public sealed class FaultInjectingHandler(int failures, HttpStatusCode status, TimeSpan? retryAfter = null) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _seen;

    public int Requests => _seen;

    public List<string?> Authorizations { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int n = Interlocked.Increment(ref _seen);
        lock (Authorizations)
        {
            Authorizations.Add(request.Headers.Authorization?.ToString());
        }

        if (n > failures)
        {
            return base.SendAsync(request, cancellationToken);
        }

        var response = new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>ServerBusy</Code><Message>Injected fault.</Message></Error>") };
        response.Headers.TryAddWithoutValidation("x-ms-error-code", "ServerBusy");
        if (retryAfter is { } delay)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(delay);
        }

        return Task.FromResult(response);
    }
}
