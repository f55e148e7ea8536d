namespace QuantFunctions.Core.Errors;

/// <content>DataOps: market data providers, discovery, ingestion, health and features.</content>
public static partial class ErrorCodes
{
    /// <summary>A market data provider could not deliver, without a more specific code.</summary>
    public static readonly ErrorCode ProviderFailed = new("provider.failed", ErrorCategory.Unavailable);

    /// <summary>A provider answered a non-success HTTP status (not retryable, or after the retry budget).</summary>
    public static readonly ErrorCode ProviderHttpStatus = new("provider.http_status", ErrorCategory.Unavailable);

    /// <summary>Connection failures or attempt timeouts through the whole retry budget.</summary>
    public static readonly ErrorCode ProviderTransport = new("provider.transport", ErrorCategory.Unavailable);

    /// <summary>The stage's outbound HTTP deadline (<c>QF_HTTP_STAGE_DEADLINE</c>) passed.</summary>
    public static readonly ErrorCode ProviderDeadlineExceeded = new("provider.deadline_exceeded", ErrorCategory.Unavailable);

    /// <summary>A provider response is not what its API defines (malformed JSON, wrong shape, a bad value).</summary>
    public static readonly ErrorCode ProviderMalformed = new("provider.malformed", ErrorCategory.DataQuality);

    /// <summary>A provider response body is larger than the configured maximum.</summary>
    public static readonly ErrorCode ProviderResponseTooLarge = new("provider.response_too_large", ErrorCategory.DataQuality);

    /// <summary>A full page whose last row does not move past the previous page's start: paging would never end.</summary>
    public static readonly ErrorCode ProviderPagingStalled = new("provider.paging_stalled", ErrorCategory.DataQuality);

    /// <summary>More pages than the configured maximum for one request.</summary>
    public static readonly ErrorCode ProviderTooManyPages = new("provider.too_many_pages", ErrorCategory.DataQuality);

    /// <summary>A redirect to another scheme, host or port, or more redirects than allowed.</summary>
    public static readonly ErrorCode ProviderRedirectRefused = new("provider.redirect_refused", ErrorCategory.InvalidInput);

    /// <summary>A provider URL that is not https (plain http is allowed to loopback only), or not absolute.</summary>
    public static readonly ErrorCode ProviderInsecureUrl = new("provider.insecure_url", ErrorCategory.InvalidInput);

    /// <summary>A discovery record breaks the candidate contract, or discovery produced no candidate.</summary>
    public static readonly ErrorCode CandidateContract = new("discovery.candidate_contract", ErrorCategory.DataQuality);

    /// <summary>An ingestion failed (nothing to ingest, discovery or the bronze write failed, an invalid coverage artifact in strict mode); bronze is left unchanged.</summary>
    public static readonly ErrorCode IngestFailed = new("ingest.failed", ErrorCategory.DataQuality);

    /// <summary>An invalid bar (a non-finite or non-positive price, a broken OHLC, a bad timestamp) in strict mode; bronze is left unchanged.</summary>
    public static readonly ErrorCode IngestInvalidBars = new("ingest.invalid_bars", ErrorCategory.DataQuality);

    /// <summary>Coverage below the policy after every round; bronze is left unchanged.</summary>
    public static readonly ErrorCode IngestCoverageBelowPolicy = new("ingest.coverage_below_policy", ErrorCategory.DataQuality);

    /// <summary>In strict mode, a symbol failed a health rule that drops it.</summary>
    public static readonly ErrorCode HealthCheckFailed = new("health.check_failed", ErrorCategory.DataQuality);

    /// <summary>Bars that cannot be turned into features (names the symbol, column and row).</summary>
    public static readonly ErrorCode InvalidFeatureInput = new("features.invalid_input", ErrorCategory.DataQuality);
}
