namespace QuantFunctions.Core.Market;

/// <summary>
/// Raised when domain input breaks a rule (a malformed symbol, misaligned arrays, an unsorted
/// calendar, a missing sleeve). <see cref="Code"/> is a stable machine-readable code from
/// <see cref="DomainErrorCodes"/>; the message names what and where.
/// </summary>
public class DomainValidationException : Exception
{
    /// <summary>Creates the exception with a code and a message.</summary>
    /// <param name="code">A stable code from <see cref="DomainErrorCodes"/>.</param>
    /// <param name="message">What is wrong and where.</param>
    public DomainValidationException(string code, string message)
        : base(message) => Code = code;

    /// <summary>Creates the exception with a default code.</summary>
    public DomainValidationException()
        : this(DomainErrorCodes.InvalidInput, "Invalid domain input.")
    {
    }

    /// <summary>Creates the exception with a default code and a message.</summary>
    /// <param name="message">What is wrong and where.</param>
    public DomainValidationException(string message)
        : this(DomainErrorCodes.InvalidInput, message)
    {
    }

    /// <summary>Creates the exception wrapping an inner exception.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The cause.</param>
    public DomainValidationException(string message, Exception innerException)
        : base(message, innerException) => Code = DomainErrorCodes.InvalidInput;

    /// <summary>The stable error code (see <see cref="DomainErrorCodes"/>).</summary>
    public string Code { get; }
}
