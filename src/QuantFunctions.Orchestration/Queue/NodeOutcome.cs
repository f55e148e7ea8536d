namespace QuantFunctions.Orchestration.Queue;

/// <summary>What a worker did with a node message.</summary>
public enum NodeOutcome
{
    /// <summary>The node ran (succeeded or failed as a node) and the run was re-planned.</summary>
    Executed = 0,

    /// <summary>The node had already completed (a duplicate delivery); the run was re-planned, nothing ran.</summary>
    AlreadyCompleted,

    /// <summary>
    /// Another worker holds the node's claim (a duplicate delivered while it runs, or a dead worker whose lease has not lapsed);
    /// nothing ran, and the message must be retried after the lease duration, not deleted.
    /// </summary>
    ClaimedElsewhere,

    /// <summary>The run had already completed, failed or been cancelled; nothing ran.</summary>
    RunFinished,

    /// <summary>The message is of an earlier attempt of the run (it was resumed since); nothing ran, the message is dropped.</summary>
    Stale,
}
