namespace QuantFunctions.Orchestration.Planning;

/// <summary>The state of a run, derived from its node states by <see cref="Planner"/>.</summary>
public enum RunStatus
{
    /// <summary>No node has started.</summary>
    Pending = 0,

    /// <summary>Nodes are running or ready to run.</summary>
    Running = 1,

    /// <summary>Every node succeeded.</summary>
    Succeeded = 2,

    /// <summary>A node failed and nothing is left running or ready.</summary>
    Failed = 3,
}
