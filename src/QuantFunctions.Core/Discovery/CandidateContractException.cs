using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Discovery;

/// <summary>A discovery record breaks the candidate contract, or discovery produced no candidate.</summary>
public sealed class CandidateContractException : Exception, ICodedError
{
    /// <summary>Creates the exception.</summary>
    public CandidateContractException(string message) : base(message) { }

    /// <summary>Creates the exception with an inner cause.</summary>
    public CandidateContractException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception with a default message.</summary>
    public CandidateContractException() : base("candidate contract violated") { }

    /// <summary>Always <see cref="ErrorCodes.CandidateContract"/>.</summary>
    public ErrorCode Code => ErrorCodes.CandidateContract;
}
