namespace QuantFunctions.Lake.Providers;

/// <summary>
/// Retry and paging settings of the HTTP providers. Validated at construction.
/// </summary>
/// <remarks>
/// Retried: HTTP 429, 5xx, connection failures and timeouts. Attempt n (0-based) waits
/// <c>min(BaseDelay·2ⁿ, MaxDelay)</c>, or the server's <c>Retry-After</c> (seconds or HTTP date) capped at
/// <see cref="MaxRetryAfter"/> when present. After <see cref="MaxRetries"/> retries the call fails with
/// <see cref="ProviderException"/> carrying every attempt.
/// </remarks>
public sealed record HttpProviderOptions
{
    private readonly int _maxRetries = 4;
    private readonly TimeSpan _baseDelay = TimeSpan.FromMilliseconds(500);
    private readonly TimeSpan _maxDelay = TimeSpan.FromSeconds(30);
    private readonly TimeSpan _maxRetryAfter = TimeSpan.FromSeconds(60);
    private readonly int _pageLimit = 1000;

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
}
