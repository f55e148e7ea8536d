using QuantFunctions.Core.Errors;

namespace QuantFunctions.DataOps.Providers;

/// <summary>
/// A provider could not deliver: retry budget exhausted, a non-retryable status, a malformed or oversized response, a refused
/// URL or redirect, paging that does not advance, or the stage's deadline. The message names the request (method and URL)
/// and the status, never the response body.
/// </summary>
public sealed class ProviderException : Exception, ICodedError
{
    /// <summary>Creates the exception.</summary>
    public ProviderException(string message) : base(message) => Attempts = [];

    /// <summary>Creates the exception with an inner cause.</summary>
    public ProviderException(string message, Exception inner) : base(message, inner) => Attempts = [];

    /// <summary>Creates the exception with the attempt log.</summary>
    public ProviderException(string message, IReadOnlyList<ProviderAttempt> attempts, Exception? inner = null) : base(message, inner) => Attempts = attempts;

    /// <summary>Creates the exception with a default message.</summary>
    public ProviderException() : base("market data provider failed") => Attempts = [];

    /// <summary>The attempts made before giving up.</summary>
    public IReadOnlyList<ProviderAttempt> Attempts { get; }

    /// <summary>Why it failed: a <c>provider.*</c> code of <see cref="ErrorCodes"/>; <see cref="ErrorCodes.ProviderFailed"/> unless set.</summary>
    public ErrorCode Code { get; init; } = ErrorCodes.ProviderFailed;
}
