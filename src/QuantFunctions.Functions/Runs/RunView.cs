using Microsoft.DurableTask.Client;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Functions.Runs;

/// <summary>A run as the API sees it: its orchestration instance (if any) and its <c>run.json</c> (if written yet).</summary>
/// <param name="RunId">The run id (the instance id).</param>
/// <param name="Instance">The Durable instance, with input and output; null when there is none (purged, or run by another engine).</param>
/// <param name="Start">The instance's input, when it has one.</param>
/// <param name="Record">The run's record; null before the orchestration's first step wrote it.</param>
public sealed record RunView(string RunId, OrchestrationMetadata? Instance, RunStart? Start, RunRecord? Record)
{
    /// <summary>True when the orchestration exists and has not finished (pending, running or suspended).</summary>
    public bool IsInstanceActive => Instance is not null && !IsTerminal(Instance.RuntimeStatus);

    /// <summary>True when the run is over: its instance finished, or (without an instance) its record says so.</summary>
    public bool IsFinished => Instance is not null ? IsTerminal(Instance.RuntimeStatus) : Record?.Status.IsFinished() ?? false;

    /// <summary>Whether an orchestration in <paramref name="status"/> has ended.</summary>
    public static bool IsTerminal(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated
#pragma warning disable CS0618 // Canceled is obsolete in the SDK but a backend may still report it.
            or OrchestrationRuntimeStatus.Canceled;
#pragma warning restore CS0618
}
