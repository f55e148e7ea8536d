namespace QuantFunctions.Orchestration.Execution;

/// <summary>The <c>code</c> values the runners put in a node's <c>error</c>.</summary>
public static class NodeErrorCodes
{
    /// <summary>An attempt exceeded <see cref="RunnerOptions.NodeTimeout"/> (not retried).</summary>
    public const string Timeout = "timeout";

    /// <summary>A transient error persisted through every retry.</summary>
    public const string RetriesExhausted = "retries_exhausted";

    /// <summary>The run was cancelled while the node ran.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Skipped: a dependency failed, was cancelled or was skipped.</summary>
    public const string DependencyFailed = "dependency_failed";

    /// <summary>Skipped: the run failed fast after another node failed.</summary>
    public const string FailFast = "fail_fast";

    /// <summary>Failed: the engine gave up on the node's step after its retries (storage unreachable while recording, workers lost).</summary>
    public const string StepLost = "step_lost";
}
