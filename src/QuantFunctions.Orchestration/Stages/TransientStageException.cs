using QuantFunctions.Core.Errors;

namespace QuantFunctions.Orchestration.Stages;

/// <summary>
/// A stage failure that may succeed when tried again (a throttled source, a lease held by another
/// worker). The runner retries it with bounded exponential backoff, like <see cref="IOException"/>
/// and <see cref="TimeoutException"/>.
/// </summary>
public sealed class TransientStageException : Exception, ICodedError
{
    /// <summary>Creates the exception.</summary>
    public TransientStageException() : base("Transient stage failure.") { }

    /// <summary>Creates the exception.</summary>
    public TransientStageException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public TransientStageException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Always <see cref="ErrorCodes.StageTransient"/>.</summary>
    public ErrorCode Code => ErrorCodes.StageTransient;
}
