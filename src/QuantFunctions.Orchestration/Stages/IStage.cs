using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Orchestration.Stages;

/// <summary>
/// One transformation of a pipeline: reads its inputs from the lake and writes its outputs to the lake.
/// </summary>
/// <remarks>
/// Determinism rules: a stage takes time only from <see cref="StageContext.AsOf"/>, randomness only
/// from <see cref="StageContext.Random"/>, orders everything it writes stably, and never receives
/// another stage's objects in memory. Re-running it with the same inputs writes the same outputs, so
/// any runner (local, queue, a CLI <c>stage run</c>) may run it again safely.
/// </remarks>
public interface IStage
{
    /// <summary>Runs the stage once.</summary>
    /// <exception cref="TransientStageException">A failure worth retrying (the runner retries it, bounded).</exception>
    Task<StageResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken);

    /// <summary>
    /// The fingerprints of the inputs the stage would read now, without running it; used on resume and
    /// re-run to decide whether a succeeded node must be redone. Null (the default) means "cannot tell":
    /// the recorded state is trusted.
    /// </summary>
    Task<IReadOnlyList<InputFingerprint>?> ComputeInputFingerprintsAsync(StageContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InputFingerprint>?>(null);
}
