namespace QuantFunctions.Orchestration.Execution;

/// <summary>Why a node failed (an expected outcome, recorded as a value).</summary>
/// <param name="ErrorType">The exception type name, e.g. <c>System.IO.IOException</c>.</param>
/// <param name="Message">The exception message.</param>
/// <param name="Transient">True when the error was transient (and its retries were exhausted).</param>
/// <param name="TimedOut">True when an attempt exceeded the node timeout.</param>
public sealed record NodeFailure(string ErrorType, string Message, bool Transient, bool TimedOut);
