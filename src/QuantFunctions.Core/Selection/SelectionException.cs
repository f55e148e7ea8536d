using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Selection;

/// <summary>Selection cannot proceed: an unstable foundation, a missing feature column or an invalid option.</summary>
public sealed class SelectionException : Exception, ICodedError
{
    /// <summary>Creates the exception with a code and a message.</summary>
    /// <param name="code">One of the <c>selection.*</c> codes of <see cref="ErrorCodes"/>.</param>
    /// <param name="message">What is wrong and where.</param>
    public SelectionException(ErrorCode code, string message)
        : base(message) => Code = code;

    /// <summary>Creates the exception with the invalid-option code.</summary>
    public SelectionException()
        : this(ErrorCodes.InvalidSelectionOption, "Invalid selection.")
    {
    }

    /// <summary>Creates the exception with the invalid-option code and a message.</summary>
    /// <param name="message">The message.</param>
    public SelectionException(string message)
        : this(ErrorCodes.InvalidSelectionOption, message)
    {
    }

    /// <summary>Creates the exception with the invalid-option code, a message and the cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SelectionException(string message, Exception innerException)
        : base(message, innerException) => Code = ErrorCodes.InvalidSelectionOption;

    /// <inheritdoc/>
    public ErrorCode Code { get; }
}
