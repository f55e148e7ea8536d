using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Allocation;

/// <summary>
/// Bad input to a risk model, optimiser or allocation engine, raised before any work is done: the domain input error
/// of allocation, with the asset, constraint or option at fault as <see cref="Subject"/>. The message names it;
/// <see cref="DomainValidationException.Code"/> classifies it: <see cref="ErrorCodes.NonFiniteValue"/>,
/// <see cref="ErrorCodes.InsufficientData"/>, <see cref="ErrorCodes.ShapeMismatch"/>, <see cref="ErrorCodes.ZeroVariance"/>,
/// <see cref="ErrorCodes.NotSymmetric"/>, <see cref="ErrorCodes.NotPositiveSemidefinite"/>,
/// <see cref="ErrorCodes.InfeasibleConstraints"/> or <see cref="ErrorCodes.InvalidOption"/>.
/// </summary>
public sealed class AllocationException : DomainValidationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The error code (<see cref="ErrorCodes"/>).</param>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="subject">The asset, constraint or option at fault, when there is one.</param>
    public AllocationException(ErrorCode code, string message, string? subject = null)
        : base(code, message) => Subject = subject;

    /// <summary>Creates an <see cref="ErrorCodes.InvalidOption"/> exception.</summary>
    public AllocationException()
        : this(ErrorCodes.InvalidOption, "invalid allocation input")
    {
    }

    /// <summary>Creates an <see cref="ErrorCodes.InvalidOption"/> exception.</summary>
    /// <param name="message">What is wrong and where.</param>
    public AllocationException(string message)
        : this(ErrorCodes.InvalidOption, message)
    {
    }

    /// <summary>Creates an <see cref="ErrorCodes.InvalidOption"/> exception wrapping another.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The cause.</param>
    public AllocationException(string message, Exception innerException)
        : base(ErrorCodes.InvalidOption, message, innerException)
    {
    }

    /// <summary>The asset, constraint or option at fault (null when the error is not about one).</summary>
    public string? Subject { get; }
}
