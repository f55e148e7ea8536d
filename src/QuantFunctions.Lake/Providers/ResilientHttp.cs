using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Polly;
using Polly.Retry;

namespace QuantFunctions.Lake.Providers;

/// <summary>Sends requests through a Polly retry pipeline and logs every attempt.</summary>
internal sealed class ResilientHttp
{
    private static readonly ResiliencePropertyKey<List<ProviderAttempt>> LogKey = new("qf.provider.attempts");
    private static readonly ResiliencePropertyKey<string> RequestKey = new("qf.provider.request");
    private static readonly ResiliencePropertyKey<double> DurationKey = new("qf.provider.duration_ms");

    private readonly HttpClient _http;
    private readonly HttpProviderOptions _options;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public ResilientHttp(HttpClient http, HttpProviderOptions options, TimeProvider time)
    {
        _http = http;
        _options = options;
        _time = time;
        _pipeline = options.MaxRetries == 0
            ? ResiliencePipeline<HttpResponseMessage>.Empty
            : new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = options.MaxRetries,
                    ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
                    DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Delay(args.AttemptNumber, args.Outcome.Result)),
                    OnRetry = args =>
                    {
                        Log(args.Context, args.AttemptNumber + 1, args.Outcome, args.RetryDelay);
                        args.Outcome.Result?.Dispose();
                        return ValueTask.CompletedTask;
                    },
                })
                .Build();
    }

    public HttpProviderOptions Options => _options;

    /// <summary>Sends and returns the body of a successful response, with the attempt log.</summary>
    /// <exception cref="ProviderException">Retry budget exhausted or a non-retryable status.</exception>
    public async Task<(byte[] Body, IReadOnlyList<ProviderAttempt> Attempts)> SendAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        var log = new List<ProviderAttempt>();
        string label;
        using (HttpRequestMessage probe = create())
        {
            label = probe.Method + " " + probe.RequestUri?.PathAndQuery;
        }

        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(LogKey, log);
        context.Properties.Set(RequestKey, label);
        Outcome<HttpResponseMessage> outcome;
        double lastDuration;
        try
        {
            outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    long started = state.time.GetTimestamp();
                    try
                    {
                        using HttpRequestMessage request = state.create();
                        HttpResponseMessage response = await state.http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ctx.CancellationToken).ConfigureAwait(false);
                        return Outcome.FromResult(response);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !ctx.CancellationToken.IsCancellationRequested))
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                    finally
                    {
                        ctx.Properties.Set(DurationKey, state.time.GetElapsedTime(started).TotalMilliseconds);
                    }
                },
                context,
                (create, http: _http, time: _time)).ConfigureAwait(false);
            lastDuration = context.Properties.GetValue(DurationKey, 0d);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        Log(log, label, log.Count + 1, outcome, null, lastDuration);
        if (outcome.Exception is { } ex)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new ProviderException($"{label}: failed after {log.Count} attempt(s): {ex.GetType().Name}: {ex.Message}", log, ex);
        }

        using HttpResponseMessage final = outcome.Result!;
        if (!final.IsSuccessStatusCode)
        {
            string body = await final.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new ProviderException(
                string.Create(CultureInfo.InvariantCulture, $"{label}: HTTP {(int)final.StatusCode} after {log.Count} attempt(s){(IsTransientStatus(final.StatusCode) ? " (retry budget exhausted)" : string.Empty)}: {Excerpt(body)}"),
                log);
        }

        return (await final.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false), log);
    }

    internal static string Excerpt(string text) => text.Length <= 200 ? text : text[..200] + "…";

    /// <summary>Parses a response body; malformed JSON (e.g. truncated) is a <see cref="ProviderException"/> naming the request.</summary>
    internal static JsonDocument ParseJson(byte[] body, string request)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new ProviderException(string.Create(CultureInfo.InvariantCulture,
                $"{request}: malformed JSON ({body.Length} bytes, {ex.Message}): {Excerpt(Encoding.UTF8.GetString(body))}"), ex);
        }
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) =>
        outcome.Exception is not null
            ? !cancellationToken.IsCancellationRequested
            : outcome.Result is { } r && IsTransientStatus(r.StatusCode);

    private static bool IsTransientStatus(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private TimeSpan Delay(int attempt, HttpResponseMessage? response)
    {
        if (response?.Headers.RetryAfter is { } retryAfter)
        {
            TimeSpan wait = retryAfter.Delta ?? (retryAfter.Date is DateTimeOffset at ? at - _time.GetUtcNow() : TimeSpan.Zero);
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > _options.MaxRetryAfter ? _options.MaxRetryAfter : wait;
        }

        double ms = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
        return ms >= _options.MaxDelay.TotalMilliseconds ? _options.MaxDelay : TimeSpan.FromMilliseconds(ms);
    }

    private static void Log(ResilienceContext context, int attempt, Outcome<HttpResponseMessage> outcome, TimeSpan? delay) =>
        Log(context.Properties.GetValue(LogKey, []), context.Properties.GetValue(RequestKey, string.Empty), attempt, outcome, delay, context.Properties.GetValue(DurationKey, 0d));

    private static void Log(List<ProviderAttempt> log, string request, int attempt, Outcome<HttpResponseMessage> outcome, TimeSpan? delay, double durationMs)
    {
        int? status = outcome.Result is { } r ? (int)r.StatusCode : null;
        string? error = outcome.Exception is { } ex ? ex.GetType().Name + ": " + ex.Message
            : outcome.Result is { IsSuccessStatusCode: false } bad ? string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)bad.StatusCode} {bad.ReasonPhrase}") : null;
        log.Add(new ProviderAttempt(request, attempt, status, error, delay, durationMs));
    }
}
