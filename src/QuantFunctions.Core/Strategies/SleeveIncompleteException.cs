using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Strategies;

/// <summary>An expected sleeve is missing, empty or has no observation; the meta portfolio cannot be built.</summary>
public sealed class SleeveIncompleteException : DomainValidationException
{
    /// <summary>Creates the exception for a sleeve.</summary>
    /// <param name="sleeve">The sleeve name.</param>
    /// <param name="reason">Why it is incomplete.</param>
    public SleeveIncompleteException(string sleeve, string reason)
        : base(ErrorCodes.SleeveIncomplete, $"Meta portfolio: sleeve '{sleeve}' is incomplete: {reason}.")
    {
        Sleeve = sleeve;
        Reason = reason;
    }

    /// <summary>Creates the exception without details.</summary>
    public SleeveIncompleteException()
        : this("?", "unknown")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public SleeveIncompleteException(string message)
        : this("?", message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SleeveIncompleteException(string message, Exception innerException)
        : base(ErrorCodes.SleeveIncomplete, message, innerException)
    {
        Sleeve = "?";
        Reason = message;
    }

    /// <summary>The sleeve name.</summary>
    public string Sleeve { get; }

    /// <summary>Why it is incomplete (missing, empty, no observation).</summary>
    public string Reason { get; }
}
