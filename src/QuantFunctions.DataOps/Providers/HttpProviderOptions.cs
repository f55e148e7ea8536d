namespace QuantFunctions.DataOps.Providers;

/// <summary>
/// Retry, paging and size settings of one HTTP provider. Validated at construction. The limits default to those of
/// <see cref="OutboundHttpOptions"/>; <see cref="MarketDataHttp.ProviderOptions"/> sets them from the deployment's.
/// </summary>
/// <remarks>
/// Retried: HTTP 429, 5xx, connection failures and timeouts. Attempt n (0-based) waits
/// <c>min(BaseDelay·2ⁿ, MaxDelay)</c>, or the server's <c>Retry-After</c> (seconds or HTTP date) capped at
/// <see cref="MaxRetryAfter"/> when present. After <see cref="MaxRetries"/> retries the call fails with
/// <see cref="ProviderException"/> carrying every attempt. Each attempt may take <see cref="AttemptTimeout"/> (body
/// included); bodies over <see cref="MaxResponseBytes"/> fail; redirects are followed only on the same scheme, host and port
/// (at most <see cref="MaxRedirects"/>); every URL must be https, or http to a loopback host (<see cref="OutboundUrl"/>).
/// </remarks>
public sealed record HttpProviderOptions
{
    private readonly int _maxRetries = 4;
    private readonly TimeSpan _baseDelay = TimeSpan.FromMilliseconds(500);
    private readonly TimeSpan _maxDelay = TimeSpan.FromSeconds(30);
    private readonly TimeSpan _maxRetryAfter = TimeSpan.FromSeconds(60);
    private readonly int _pageLimit = 1000;
    private readonly TimeSpan _attemptTimeout = new OutboundHttpOptions().AttemptTimeout;
    private readonly long _maxResponseBytes = new OutboundHttpOptions().MaxResponseBytes;
    private readonly int _maxPages = new OutboundHttpOptions().MaxPages;
    private readonly int _maxRedirects = 3;

    /// <summary>The API root, e.g. <c>https://api.binance.com</c>.</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>Retries after the first attempt (0–10).</summary>
    public int MaxRetries { get => _maxRetries; init => _maxRetries = value is >= 0 and <= 10 ? value : throw new ArgumentOutOfRangeException(nameof(MaxRetries), value, "must be in 0..10"); }

    /// <summary>The first backoff delay (doubling per retry).</summary>
    public TimeSpan BaseDelay { get => _baseDelay; init => _baseDelay = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(BaseDelay), value, "must be ≥ 0"); }

    /// <summary>The largest backoff delay.</summary>
    public TimeSpan MaxDelay { get => _maxDelay; init => _maxDelay = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(MaxDelay), value, "must be ≥ 0"); }

    /// <summary>The longest <c>Retry-After</c> honoured (larger values are capped to this).</summary>
    public TimeSpan MaxRetryAfter { get => _maxRetryAfter; init => _maxRetryAfter = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(MaxRetryAfter), value, "must be ≥ 0"); }

    /// <summary>Rows per page (Binance klines: at most 1000).</summary>
    public int PageLimit { get => _pageLimit; init => _pageLimit = value is >= 1 and <= 1000 ? value : throw new ArgumentOutOfRangeException(nameof(PageLimit), value, "must be in 1..1000"); }

    /// <summary>How long one attempt may take, connect to last body byte (measured on the provider's <see cref="TimeProvider"/>).</summary>
    public TimeSpan AttemptTimeout { get => _attemptTimeout; init => _attemptTimeout = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(AttemptTimeout), value, "must be > 0"); }

    /// <summary>The largest response body accepted, in bytes.</summary>
    public long MaxResponseBytes { get => _maxResponseBytes; init => _maxResponseBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), value, "must be > 0"); }

    /// <summary>The most pages one paginated request may take.</summary>
    public int MaxPages { get => _maxPages; init => _maxPages = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxPages), value, "must be ≥ 1"); }

    /// <summary>The most same-origin redirects followed for one attempt (0–10).</summary>
    public int MaxRedirects { get => _maxRedirects; init => _maxRedirects = value is >= 0 and <= 10 ? value : throw new ArgumentOutOfRangeException(nameof(MaxRedirects), value, "must be in 0..10"); }
}
