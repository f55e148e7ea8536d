namespace QuantFunctions.Orchestration.Runs;

/// <summary>The state of a run.</summary>
public enum RunStatus
{
    /// <summary>Recorded, not started.</summary>
    Pending = 0,

    /// <summary>Nodes are running.</summary>
    Running,

    /// <summary>Every node succeeded.</summary>
    Succeeded,

    /// <summary>A node failed; see the node states and the ledger.</summary>
    Failed,

    /// <summary>Stopped on request.</summary>
    Cancelled,
}
