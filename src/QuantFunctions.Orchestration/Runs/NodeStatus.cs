namespace QuantFunctions.Orchestration.Runs;

/// <summary>The state of one node in a run.</summary>
public enum NodeStatus
{
    /// <summary>Waiting for its dependencies.</summary>
    Pending = 0,

    /// <summary>Running (possibly a retry).</summary>
    Running,

    /// <summary>Completed; its outputs are in the lake.</summary>
    Succeeded,

    /// <summary>Failed after its attempts; see the error.</summary>
    Failed,

    /// <summary>Not run because a dependency failed.</summary>
    Skipped,

    /// <summary>Stopped on request.</summary>
    Cancelled,
}
