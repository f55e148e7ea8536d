using QuantFunctions.Core.Errors;

namespace QuantFunctions.Cli.Infrastructure;

/// <summary>A command was called wrongly (bad argument value, missing input): <see cref="ErrorCodes.Usage"/>, exit code 2.</summary>
public sealed class UsageException : Exception, ICodedError
{
    /// <summary>Creates the error.</summary>
    public UsageException(string message) : base(message) { }

    /// <summary>Creates the error.</summary>
    public UsageException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the error.</summary>
    public UsageException() : base("usage error") { }

    /// <summary>Always <see cref="ErrorCodes.Usage"/>.</summary>
    public ErrorCode Code => ErrorCodes.Usage;
}
