namespace QuantFunctions.Orchestration.Runs;

/// <summary>Questions about a <see cref="RunStatus"/>.</summary>
public static class RunStatusExtensions
{
    /// <summary>Whether a run in this state is over: Succeeded, Failed or Cancelled.</summary>
    public static bool IsFinished(this RunStatus status) => status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled;
}
