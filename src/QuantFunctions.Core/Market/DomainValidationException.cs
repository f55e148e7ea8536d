using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Market;

/// <summary>
/// Raised when domain input breaks a rule (a malformed symbol, misaligned arrays, an unsorted
/// calendar, a missing sleeve). <see cref="Code"/> is a stable code from <see cref="ErrorCodes"/>;
/// the message names what and where.
/// </summary>
public class DomainValidationException : Exception, ICodedError
{
    /// <summary>Creates the exception with a code and a message.</summary>
    /// <param name="code">A stable code from <see cref="ErrorCodes"/>.</param>
    /// <param name="message">What is wrong and where.</param>
    public DomainValidationException(ErrorCode code, string message)
        : base(message) => Code = code;

    /// <summary>Creates the exception with a code, a message and the cause.</summary>
    /// <param name="code">A stable code from <see cref="ErrorCodes"/>.</param>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The cause.</param>
    public DomainValidationException(ErrorCode code, string message, Exception innerException)
        : base(message, innerException) => Code = code;

    /// <summary>Creates the exception with a default code.</summary>
    public DomainValidationException()
        : this(ErrorCodes.InvalidInput, "Invalid domain input.")
    {
    }

    /// <summary>Creates the exception with a default code and a message.</summary>
    /// <param name="message">What is wrong and where.</param>
    public DomainValidationException(string message)
        : this(ErrorCodes.InvalidInput, message)
    {
    }

    /// <summary>Creates the exception wrapping an inner exception.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The cause.</param>
    public DomainValidationException(string message, Exception innerException)
        : this(ErrorCodes.InvalidInput, message, innerException)
    {
    }

    /// <summary>The stable error code (see <see cref="ErrorCodes"/>).</summary>
    public ErrorCode Code { get; }
}
