namespace QuantFunctions.Orchestration.Runs;

/// <summary>Why a node failed.</summary>
/// <param name="Type">The exception type or error category, e.g. <c>LakeObjectNotFoundException</c>.</param>
/// <param name="Message">The message, naming what and where.</param>
/// <param name="Code">
/// A stable error code when the error has one, else null: the exception's code from the registry (docs/errors.md), or
/// the runner's own (<c>timeout</c>, <c>retries_exhausted</c>, <c>cancelled</c>, <c>dependency_failed</c>, …).
/// </param>
public sealed record NodeError(string Type, string Message, string? Code = null);
