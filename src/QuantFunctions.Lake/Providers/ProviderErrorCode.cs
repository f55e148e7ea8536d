namespace QuantFunctions.Lake.Providers;

/// <summary>Why a market data provider could not deliver (<see cref="ProviderException.Code"/>); tests and tools match on these.</summary>
public enum ProviderErrorCode
{
    /// <summary>Not classified.</summary>
    Unspecified = 0,

    /// <summary>A non-success HTTP status (not retryable, or after the retry budget).</summary>
    HttpStatus,

    /// <summary>Connection failures or attempt timeouts through the whole retry budget.</summary>
    Transport,

    /// <summary>The response is not what the API defines (malformed JSON, wrong shape, a bad value).</summary>
    Malformed,

    /// <summary>A response body is larger than <see cref="HttpProviderOptions.MaxResponseBytes"/>.</summary>
    ResponseTooLarge,

    /// <summary>A redirect to another scheme, host or port, or more than <see cref="HttpProviderOptions.MaxRedirects"/>.</summary>
    RedirectRefused,

    /// <summary>A URL that is not https (plain http is allowed to loopback only), or not absolute.</summary>
    InsecureUrl,

    /// <summary>A full page whose last row does not move past the previous page's start: paging would never end.</summary>
    PagingStalled,

    /// <summary>More pages than <see cref="HttpProviderOptions.MaxPages"/> for one request.</summary>
    TooManyPages,

    /// <summary>The stage's outbound HTTP deadline (<see cref="OutboundHttpOptions.StageDeadline"/>) passed.</summary>
    DeadlineExceeded,
}
