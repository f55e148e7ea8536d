using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Strategies;

/// <summary>
/// A meta-portfolio gate refused the run: <see cref="ErrorCodes.MetaSignTestFailed"/> (naming the sleeve),
/// <see cref="ErrorCodes.MetaSingleSleeve"/> or <see cref="ErrorCodes.MetaReportIncomplete"/> (naming the section).
/// </summary>
public sealed class MetaGateException : DomainValidationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The error code.</param>
    /// <param name="message">What failed and where.</param>
    /// <param name="subject">The sleeve or report section at fault.</param>
    public MetaGateException(ErrorCode code, string message, string? subject = null)
        : base(code, message) => Subject = subject;

    /// <summary>Creates a <see cref="ErrorCodes.MetaSignTestFailed"/> exception.</summary>
    public MetaGateException()
        : this(ErrorCodes.MetaSignTestFailed, "meta-portfolio gate failed")
    {
    }

    /// <summary>Creates a <see cref="ErrorCodes.MetaSignTestFailed"/> exception.</summary>
    /// <param name="message">What failed.</param>
    public MetaGateException(string message)
        : this(ErrorCodes.MetaSignTestFailed, message)
    {
    }

    /// <summary>Creates a <see cref="ErrorCodes.MetaSignTestFailed"/> exception wrapping another.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public MetaGateException(string message, Exception innerException)
        : base(ErrorCodes.MetaSignTestFailed, message, innerException)
    {
    }

    /// <summary>The sleeve or report section at fault, when there is one.</summary>
    public string? Subject { get; }
}
