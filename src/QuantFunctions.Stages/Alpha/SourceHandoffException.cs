using QuantFunctions.Core.Errors;

namespace QuantFunctions.Stages.Alpha;

/// <summary>
/// A model node's DataOps hand-off is missing, of another version or run, or no longer matches the silver it reads
/// (<see cref="ErrorCodes.HandoffMismatch"/>); or its source parameters contradict each other. Names the node and the hand-off.
/// </summary>
public sealed class SourceHandoffException : Exception, ICodedError
{
    /// <summary>Creates the exception.</summary>
    public SourceHandoffException(ErrorCode code, string message) : base(message) => Code = code;

    /// <summary>Creates a <see cref="ErrorCodes.HandoffMismatch"/> exception.</summary>
    public SourceHandoffException(string message) : this(ErrorCodes.HandoffMismatch, message) { }

    /// <summary>Creates a <see cref="ErrorCodes.HandoffMismatch"/> exception with its cause.</summary>
    public SourceHandoffException(string message, Exception innerException) : base(message, innerException) => Code = ErrorCodes.HandoffMismatch;

    /// <summary>Creates a <see cref="ErrorCodes.HandoffMismatch"/> exception.</summary>
    public SourceHandoffException() : this("The DataOps hand-off does not match.") { }

    /// <summary><see cref="ErrorCodes.HandoffMismatch"/>, or <see cref="ErrorCodes.InvalidArgument"/> for contradicting parameters.</summary>
    public ErrorCode Code { get; }
}
