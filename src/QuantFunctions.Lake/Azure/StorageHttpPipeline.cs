using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace QuantFunctions.Lake.Azure;

/// <summary>
/// Sends one signed storage request with bounded, jittered retries on transient statuses and connection
/// faults; turns failures into <see cref="AzureStorageException"/>. Shared by the Blob and Queue clients.
/// </summary>
internal sealed class StorageHttpPipeline
{
    /// <summary>The REST API version every request asks for.</summary>
    internal const string ApiVersion = "2021-08-06";

    private static readonly HttpRequestOptionsKey<int> AttemptsKey = new("qf.attempts");
    private static readonly ResiliencePropertyKey<string> RequestKey = new("qf.request");

    private readonly HttpClient _http;
    private readonly SharedKeySigner _signer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    public StorageHttpPipeline(StorageConnectionString connection, HttpClient http, AzureStorageOptions options, TimeProvider time, ILogger logger)
    {
        _http = http;
        _signer = new SharedKeySigner(connection);
        _time = time;
        _logger = logger;
        _retry = options.MaxRetries == 0 ? ResiliencePipeline<HttpResponseMessage>.Empty : BuildRetry(options, time, logger);
    }

    /// <summary>Escapes each '/'-separated segment of a blob name or queue path for a request URI.</summary>
    public static string EscapePath(string path)
    {
        string[] segments = path.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            segments[i] = Uri.EscapeDataString(segments[i]);
        }

        return string.Join('/', segments);
    }

    /// <summary>Builds <c>{endpoint}/{escapedPath}?{query}</c>; query values are escaped here.</summary>
    public static Uri BuildUri(Uri endpoint, string escapedPath, params ReadOnlySpan<(string Name, string Value)> query)
    {
        var sb = new StringBuilder(endpoint.AbsoluteUri.TrimEnd('/'));
        sb.Append('/').Append(escapedPath);
        char separator = '?';
        foreach ((string name, string value) in query)
        {
            sb.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return new Uri(sb.ToString());
    }

    /// <summary>
    /// Sends the request built by <paramref name="create"/> (called once per attempt), retrying transient
    /// failures; returns the final response, whatever its status, unless it is still transient after the budget.
    /// </summary>
    /// <exception cref="AzureStorageException">Still transient (or unreachable) after every retry.</exception>
    public async Task<HttpResponseMessage> SendAsync(
        string operation, string resource, Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        int attempts = 0;
        HttpResponseMessage response;
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, $"{operation} on '{resource}'");
        try
        {
            response = await _retry.ExecuteAsync(
                async ctx =>
                {
                    attempts++;
                    using HttpRequestMessage request = create();
                    request.Headers.TryAddWithoutValidation("x-ms-version", ApiVersion);
                    request.Headers.TryAddWithoutValidation("x-ms-date", _time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
                    request.Options.Set(AttemptsKey, attempts);
                    _signer.Sign(request);
                    return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ctx.CancellationToken).ConfigureAwait(false);
                },
                context).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransientFault(ex, cancellationToken))
        {
            throw new AzureStorageException(
                $"{operation} on '{resource}' failed after {attempts} attempt(s): {ex.GetType().Name}: {ex.Message}",
                operation, resource, status: null, errorCode: null, attempts, ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        _logger.LogDebug("{Operation} {Resource} -> {Status}", operation, resource, (int)response.StatusCode);
        if (IsTransientStatus(response.StatusCode))
        {
            using (response)
            {
                throw await FailureAsync(response, operation, resource, cancellationToken).ConfigureAwait(false);
            }
        }

        return response;
    }

    /// <summary>Throws the <see cref="AzureStorageException"/> for a non-2xx response.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string operation, string resource, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, operation, resource, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// True for a 404 about the item itself; false when the error code says the parent is missing
    /// (<paramref name="parentMissingCode"/>, e.g. <c>ContainerNotFound</c>), which is a configuration error, not absence.
    /// </summary>
    public static bool IsItemNotFound(HttpResponseMessage response, string parentMissingCode) =>
        response.StatusCode == HttpStatusCode.NotFound
        && !(response.Headers.TryGetValues("x-ms-error-code", out IEnumerable<string>? codes) && codes.Contains(parentMissingCode, StringComparer.Ordinal));

    /// <summary>The first value of a response header, or null when it is absent.</summary>
    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out IEnumerable<string>? values) ? values.FirstOrDefault() : null;

    /// <summary>A service timestamp (RFC 1123 in headers and XML bodies), read as UTC; null when absent or unreadable.</summary>
    public static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset t) ? t : null;

    /// <summary>Builds the error for a failed response (code and message from the body or x-ms-error-code).</summary>
    public static async Task<AzureStorageException> FailureAsync(HttpResponseMessage response, string operation, string resource, CancellationToken cancellationToken)
    {
        int attempts = response.RequestMessage is not null && response.RequestMessage.Options.TryGetValue(AttemptsKey, out int n) ? n : 1;
        string? code = Header(response, "x-ms-error-code");
        string? detail = null;
        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (body.Length > 0 && body.Length < 64 * 1024)
        {
            try
            {
                XElement? root = XDocument.Parse(body).Root;
                code ??= root?.Element("Code")?.Value;
                detail = root?.Element("Message")?.Value.Split('\n')[0].Trim();
            }
            catch (XmlException)
            {
                // Not the documented XML error body; the status and header code still say what happened.
            }
        }

        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"{operation} on '{resource}' failed: {(int)response.StatusCode} {code ?? response.ReasonPhrase}");
        if (!string.IsNullOrEmpty(detail))
        {
            message.Append(" (").Append(detail).Append(')');
        }

        if (attempts > 1)
        {
            message.Append(CultureInfo.InvariantCulture, $" after {attempts} attempts");
        }

        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            message.Append(". Check the account name and key in the connection string");
        }

        message.Append('.');
        return new AzureStorageException(message.ToString(), operation, resource, response.StatusCode, code, attempts);
    }

    private static bool IsTransientStatus(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static bool IsTransientFault(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or IOException or TimeoutException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static ResiliencePipeline<HttpResponseMessage> BuildRetry(AzureStorageOptions options, TimeProvider time, ILogger logger)
    {
        var retry = new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.RetryMaxDelay,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex
                ? IsTransientFault(ex, args.Context.CancellationToken)
                : IsTransientStatus(args.Outcome.Result!.StatusCode)),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.RetryMaxDelay, time)),
            OnRetry = args =>
            {
                logger.LogWarning(
                    "{Request}: attempt {Attempt} failed ({Reason}); retrying in {Delay} ms",
                    args.Context.Properties.GetValue(RequestKey, "storage request"),
                    args.AttemptNumber + 1,
                    args.Outcome.Exception?.GetType().Name ?? ((int)args.Outcome.Result!.StatusCode).ToString(CultureInfo.InvariantCulture),
                    (long)args.RetryDelay.TotalMilliseconds);
                return default;
            },
        };
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }.AddRetry(retry).Build();
    }

    /// <summary>The delay a Retry-After header asks for (seconds or HTTP date), clamped to [0, cap]; null without the header.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap, TimeProvider time)
    {
        if (response?.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        TimeSpan? wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is null ? null : TimeSpan.FromTicks(Math.Clamp(wait.Value.Ticks, 0, cap.Ticks));
    }
}
