using QuantFunctions.Core.Errors;

namespace QuantFunctions.Orchestration.Execution;

/// <summary>
/// What the lake records about a run refuses the request: the run does not exist (<see cref="ErrorCodes.RunNotFound"/>),
/// exists with other inputs (<see cref="ErrorCodes.RunExists"/>) or in several scopes (<see cref="ErrorCodes.RunAmbiguous"/>),
/// already finished (<see cref="ErrorCodes.RunFinished"/>), or cannot be resumed (<see cref="ErrorCodes.RunNotResumable"/>).
/// The message names the run.
/// </summary>
public sealed class RunStateException : Exception, ICodedError
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">One of the run codes of <see cref="ErrorCodes"/>.</param>
    /// <param name="message">What is wrong, naming the run and what to do.</param>
    public RunStateException(ErrorCode code, string message) : base(message) => Code = code;

    /// <summary>Creates a <see cref="ErrorCodes.RunNotFound"/> exception.</summary>
    public RunStateException() : this(ErrorCodes.RunNotFound, "No such run.") { }

    /// <summary>Creates a <see cref="ErrorCodes.RunNotFound"/> exception.</summary>
    public RunStateException(string message) : this(ErrorCodes.RunNotFound, message) { }

    /// <summary>Creates a <see cref="ErrorCodes.RunNotFound"/> exception with its cause.</summary>
    public RunStateException(string message, Exception innerException) : base(message, innerException) => Code = ErrorCodes.RunNotFound;

    /// <summary>Why the request was refused.</summary>
    public ErrorCode Code { get; }
}
