using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Orchestration.Planning;

/// <summary>What a runner should do next.</summary>
/// <param name="Ready">Pending nodes whose dependencies all succeeded, in plan order: start them.</param>
/// <param name="Skips">Pending nodes to mark <see cref="NodeStatus.Skipped"/>.</param>
/// <param name="Status">The run status once the skips are applied.</param>
public sealed record PlanDecision(IReadOnlyList<string> Ready, IReadOnlyList<NodeSkip> Skips, RunStatus Status)
{
    /// <summary>True when the run has nothing left to do (succeeded, failed or cancelled).</summary>
    public bool IsComplete => Status.IsFinished();
}
