namespace QuantFunctions.Orchestration.Planning;

/// <summary>The state of one node instance in a run.</summary>
public enum NodeStatus
{
    /// <summary>Not started.</summary>
    Pending = 0,

    /// <summary>Started and not finished (a crashed worker leaves this; resume runs it again).</summary>
    Running = 1,

    /// <summary>Finished without error.</summary>
    Succeeded = 2,

    /// <summary>Failed after its retries.</summary>
    Failed = 3,

    /// <summary>Not run because a node it depends on failed or was skipped, or the run failed fast.</summary>
    Skipped = 4,
}
