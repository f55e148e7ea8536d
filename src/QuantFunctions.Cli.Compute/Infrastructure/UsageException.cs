using QuantFunctions.Core.Errors;

namespace QuantFunctions.Cli.Compute.Infrastructure;

/// <summary>
/// A command was called wrongly (bad argument value, missing input): <see cref="ErrorCodes.Usage"/> unless a more
/// specific input code applies (e.g. <see cref="ErrorCodes.BadSet"/> for <c>--set</c>); exit code 2.
/// </summary>
public sealed class UsageException : Exception, ICodedError
{
    /// <summary>Creates the error.</summary>
    public UsageException(string message) : base(message) => Code = ErrorCodes.Usage;

    /// <summary>Creates the error.</summary>
    public UsageException(string message, Exception inner) : base(message, inner) => Code = ErrorCodes.Usage;

    /// <summary>Creates the error with a specific input code.</summary>
    /// <param name="code">An <see cref="ErrorCategory.InvalidInput"/> code.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="inner">The cause, if any.</param>
    public UsageException(ErrorCode code, string message, Exception? inner = null) : base(message, inner)
    {
        ArgumentNullException.ThrowIfNull(code);
        Code = code;
    }

    /// <summary>Creates the error.</summary>
    public UsageException() : base("usage error") => Code = ErrorCodes.Usage;

    /// <inheritdoc/>
    public ErrorCode Code { get; }
}
