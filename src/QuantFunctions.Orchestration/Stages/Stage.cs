using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Orchestration.Stages;

/// <summary>
/// A stage with a typed parameter record: override <see cref="ExecuteAsync(StageContext, TParameters, CancellationToken)"/>
/// and, to take part in no-redo checks, <see cref="ComputeInputFingerprintsAsync(StageContext, TParameters, CancellationToken)"/>.
/// </summary>
/// <typeparam name="TParameters">The stage's parameter record (validated before the stage runs).</typeparam>
public abstract class Stage<TParameters> : IStage
    where TParameters : class
{
    /// <inheritdoc/>
    public Task<StageResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ExecuteAsync(context, context.GetParameters<TParameters>(), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<InputFingerprint>?> ComputeInputFingerprintsAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ComputeInputFingerprintsAsync(context, context.GetParameters<TParameters>(), cancellationToken);
    }

    /// <summary>Runs the stage once with its validated parameters.</summary>
    protected abstract Task<StageResult> ExecuteAsync(StageContext context, TParameters parameters, CancellationToken cancellationToken);

    /// <summary>The fingerprints of the inputs the stage would read now; null (the default) when it cannot tell.</summary>
    protected virtual Task<IReadOnlyList<InputFingerprint>?> ComputeInputFingerprintsAsync(StageContext context, TParameters parameters, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InputFingerprint>?>(null);
}
