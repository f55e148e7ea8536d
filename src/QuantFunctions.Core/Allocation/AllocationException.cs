namespace QuantFunctions.Core.Allocation;

/// <summary>
/// Bad input to a risk model, optimiser or allocation engine, raised before any work is done.
/// The message names the asset, constraint or option at fault; <see cref="Code"/> classifies it.
/// </summary>
public sealed class AllocationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The error class.</param>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="subject">The asset, constraint or option at fault, when there is one.</param>
    public AllocationException(AllocationErrorCode code, string message, string? subject = null)
        : base(message)
    {
        Code = code;
        Subject = subject;
    }

    /// <summary>Creates an <see cref="AllocationErrorCode.InvalidOption"/> exception.</summary>
    public AllocationException()
        : this(AllocationErrorCode.InvalidOption, "invalid allocation input")
    {
    }

    /// <summary>Creates an <see cref="AllocationErrorCode.InvalidOption"/> exception.</summary>
    /// <param name="message">What is wrong and where.</param>
    public AllocationException(string message)
        : this(AllocationErrorCode.InvalidOption, message)
    {
    }

    /// <summary>Creates an <see cref="AllocationErrorCode.InvalidOption"/> exception wrapping another.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The cause.</param>
    public AllocationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = AllocationErrorCode.InvalidOption;
    }

    /// <summary>The error class.</summary>
    public AllocationErrorCode Code { get; }

    /// <summary>The asset, constraint or option at fault (null when the error is not about one).</summary>
    public string? Subject { get; }
}
