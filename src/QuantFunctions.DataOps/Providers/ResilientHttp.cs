using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Polly;
using Polly.Retry;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.DataOps.Providers;

/// <summary>
/// Sends requests through a Polly retry pipeline and logs every attempt. Each attempt has its own timeout on the
/// <see cref="TimeProvider"/> (body included), follows same-origin redirects only, refuses URLs that are not https (or http to
/// loopback) and reads at most <see cref="HttpProviderOptions.MaxResponseBytes"/>. Errors name method, URL and status; a
/// response body is never read for an error nor quoted in one.
/// </summary>
internal sealed class ResilientHttp
{
    private const int ReadChunk = 81_920;
    private static readonly ResiliencePropertyKey<List<ProviderAttempt>> LogKey = new("qf.provider.attempts");
    private static readonly ResiliencePropertyKey<string> RequestKey = new("qf.provider.request");
    private static readonly ResiliencePropertyKey<double> DurationKey = new("qf.provider.duration_ms");

    private readonly HttpClient _http;
    private readonly HttpProviderOptions _options;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<HttpAttempt> _pipeline;

    public ResilientHttp(HttpClient http, HttpProviderOptions options, TimeProvider time)
    {
        _http = http;
        _options = options;
        _time = time;
        _pipeline = options.MaxRetries == 0
            ? ResiliencePipeline<HttpAttempt>.Empty
            : new ResiliencePipelineBuilder<HttpAttempt> { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions<HttpAttempt>
                {
                    MaxRetryAttempts = options.MaxRetries,
                    ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
                    DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Delay(args.AttemptNumber, args.Outcome.Result)),
                    OnRetry = args =>
                    {
                        Log(args.Context, args.AttemptNumber + 1, args.Outcome, args.RetryDelay);
                        return ValueTask.CompletedTask;
                    },
                })
                .Build();
    }

    public HttpProviderOptions Options => _options;

    /// <summary>Sends and returns the body of a successful response, with the attempt log.</summary>
    /// <param name="method">The method.</param>
    /// <param name="url">The absolute URL.</param>
    /// <param name="content">Creates the request body for each attempt (null: none).</param>
    /// <param name="cancellationToken">Cancels the call (the stage's deadline is linked into it).</param>
    /// <exception cref="ProviderException">A refused URL or redirect, an oversized body, a non-retryable status, or the retry budget exhausted.</exception>
    public async Task<(byte[] Body, IReadOnlyList<ProviderAttempt> Attempts)> SendAsync(HttpMethod method, Uri url, Func<HttpContent>? content, CancellationToken cancellationToken)
    {
        string label = method + " " + url.PathAndQuery;
        string request = method + " " + OutboundUrl.Display(url);
        if (OutboundUrl.Problem(url) is { } refused)
        {
            throw new ProviderException($"{request}: refused: {refused}") { Code = ErrorCodes.ProviderInsecureUrl };
        }

        var log = new List<ProviderAttempt>();
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(LogKey, log);
        context.Properties.Set(RequestKey, label);
        Outcome<HttpAttempt> outcome;
        double lastDuration;
        try
        {
            outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    long started = state.self._time.GetTimestamp();
                    try
                    {
                        return Outcome.FromResult(await state.self.AttemptAsync(state.method, state.url, state.content, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutException or ProviderException)
                    {
                        return Outcome.FromException<HttpAttempt>(ex);
                    }
                    finally
                    {
                        ctx.Properties.Set(DurationKey, state.self._time.GetElapsedTime(started).TotalMilliseconds);
                    }
                },
                context,
                (self: this, method, url, content)).ConfigureAwait(false);
            lastDuration = context.Properties.GetValue(DurationKey, 0d);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        Log(log, label, log.Count + 1, outcome, null, lastDuration);
        if (outcome.Exception is ProviderException typed)
        {
            throw new ProviderException(typed.Message, log, typed) { Code = typed.Code };
        }

        if (outcome.Exception is { } ex)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new ProviderException($"{request}: failed after {log.Count} attempt(s): {ex.GetType().Name}: {ex.Message}", log, ex) { Code = ErrorCodes.ProviderTransport };
        }

        HttpAttempt final = outcome.Result!;
        if (!final.IsSuccess)
        {
            throw new ProviderException(
                string.Create(CultureInfo.InvariantCulture, $"{request}: HTTP {(int)final.Status} after {log.Count} attempt(s){(IsTransientStatus(final.Status) ? " (retry budget exhausted)" : string.Empty)}"),
                log)
            {
                Code = ErrorCodes.ProviderHttpStatus,
            };
        }

        return (final.Body!, log);
    }

    /// <summary>Parses a response body; malformed JSON (e.g. truncated) is a <see cref="ProviderException"/> naming the request, not quoting the body.</summary>
    internal static JsonDocument ParseJson(byte[] body, string request)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new ProviderException(string.Create(CultureInfo.InvariantCulture,
                $"{request}: malformed JSON ({body.Length} bytes; line {ex.LineNumber}, byte {ex.BytePositionInLine})"), ex) { Code = ErrorCodes.ProviderMalformed };
        }
    }

    /// <summary>What a JSON value is, for errors that must not quote a response: its kind and size.</summary>
    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => string.Create(CultureInfo.InvariantCulture, $"a string of {value.GetString()!.Length} characters"),
        JsonValueKind.Array => string.Create(CultureInfo.InvariantCulture, $"an array of {value.GetArrayLength()} items"),
        JsonValueKind.Object => "an object",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    // One attempt: same-origin redirects followed, the body of a success read up to the cap, all within the attempt timeout.
    private async Task<HttpAttempt> AttemptAsync(HttpMethod method, Uri url, Func<HttpContent>? content, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.AttemptTimeout, _time);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            Uri current = url;
            for (int redirects = 0; ; redirects++)
            {
                using var request = new HttpRequestMessage(method, current) { Content = content?.Invoke() };
                using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
                if (IsRedirect(response.StatusCode))
                {
                    current = RedirectTarget(method, url, current, response, redirects);
                    continue;
                }

                byte[]? body = response.IsSuccessStatusCode ? await ReadCappedAsync(response.Content, method, current, attempt.Token).ConfigureAwait(false) : null;
                return new HttpAttempt(response.StatusCode, body, response.Headers.RetryAfter);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"the attempt took longer than {_options.AttemptTimeout.TotalSeconds} s"));
        }
    }

    private Uri RedirectTarget(HttpMethod method, Uri original, Uri current, HttpResponseMessage response, int redirects)
    {
        string request = method + " " + OutboundUrl.Display(original);
        if (response.Headers.Location is not { } location)
        {
            throw new ProviderException(string.Create(CultureInfo.InvariantCulture, $"{request}: HTTP {(int)response.StatusCode} redirect without a Location")) { Code = ErrorCodes.ProviderRedirectRefused };
        }

        var target = new Uri(current, location);
        if (!OutboundUrl.IsSameOrigin(current, target) || OutboundUrl.Problem(target) is not null)
        {
            throw new ProviderException(string.Create(CultureInfo.InvariantCulture,
                $"{request}: HTTP {(int)response.StatusCode} redirect to {OutboundUrl.Display(target)} refused: redirects may not leave {current.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)}"))
            {
                Code = ErrorCodes.ProviderRedirectRefused,
            };
        }

        if (redirects >= _options.MaxRedirects)
        {
            throw new ProviderException(string.Create(CultureInfo.InvariantCulture, $"{request}: more than {_options.MaxRedirects} redirects")) { Code = ErrorCodes.ProviderRedirectRefused };
        }

        return target;
    }

    private async Task<byte[]> ReadCappedAsync(HttpContent content, HttpMethod method, Uri url, CancellationToken cancellationToken)
    {
        long max = _options.MaxResponseBytes;
        if (content.Headers.ContentLength is long declared && declared > max)
        {
            throw TooLarge(method, url, $"declares {declared.ToString(CultureInfo.InvariantCulture)} bytes");
        }

        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream(content.Headers.ContentLength is long length ? (int)length : ReadChunk);
            byte[] chunk = new byte[ReadChunk];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > max)
                {
                    throw TooLarge(method, url, "sent more");
                }

                body.Write(chunk, 0, read);
            }

            return body.ToArray();
        }
    }

    private ProviderException TooLarge(HttpMethod method, Uri url, string what) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"{method} {OutboundUrl.Display(url)}: response too large: {what} than the limit of {_options.MaxResponseBytes} bytes ({OutboundHttpOptions.MaxResponseBytesSetting}); not read further"))
        {
            Code = ErrorCodes.ProviderResponseTooLarge,
        };

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool IsTransient(Outcome<HttpAttempt> outcome, CancellationToken cancellationToken) =>
        outcome.Exception is not null
            ? outcome.Exception is not ProviderException && !cancellationToken.IsCancellationRequested
            : outcome.Result is { } r && IsTransientStatus(r.Status);

    private static bool IsTransientStatus(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private TimeSpan Delay(int attempt, HttpAttempt? response)
    {
        if (response?.RetryAfter is RetryConditionHeaderValue retryAfter)
        {
            TimeSpan wait = retryAfter.Delta ?? (retryAfter.Date is DateTimeOffset at ? at - _time.GetUtcNow() : TimeSpan.Zero);
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > _options.MaxRetryAfter ? _options.MaxRetryAfter : wait;
        }

        double ms = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
        return ms >= _options.MaxDelay.TotalMilliseconds ? _options.MaxDelay : TimeSpan.FromMilliseconds(ms);
    }

    private static void Log(ResilienceContext context, int attempt, Outcome<HttpAttempt> outcome, TimeSpan? delay) =>
        Log(context.Properties.GetValue(LogKey, []), context.Properties.GetValue(RequestKey, string.Empty), attempt, outcome, delay, context.Properties.GetValue(DurationKey, 0d));

    private static void Log(List<ProviderAttempt> log, string request, int attempt, Outcome<HttpAttempt> outcome, TimeSpan? delay, double durationMs)
    {
        int? status = outcome.Result is { } r ? (int)r.Status : null;
        string? error = outcome.Exception is { } ex ? ex.GetType().Name + ": " + ex.Message
            : outcome.Result is { IsSuccess: false } bad ? string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)bad.Status} {ReasonPhrase(bad.Status)}") : null;
        log.Add(new ProviderAttempt(request, attempt, status, error, delay, durationMs));
    }

    private static string ReasonPhrase(HttpStatusCode status) => Enum.IsDefined(status) ? status.ToString() : string.Empty;
}
