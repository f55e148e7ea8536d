using QuantFunctions.Lake.Paths;

namespace QuantFunctions.Orchestration.Runs;

/// <summary>The recorded state of one node of a run (in <c>run.json</c>).</summary>
public sealed record NodeState
{
    /// <summary>The node key, e.g. <c>alpha.allocate[crypto_long]</c>.</summary>
    public required NodeKey Node { get; init; }

    /// <summary>Its state.</summary>
    public required NodeStatus Status { get; init; }

    /// <summary>Attempts made so far (0 before the first).</summary>
    public int Attempts { get; init; }

    /// <summary>SHA-256 (hex) over the node's input fingerprints and parameters; a completed node whose input
    /// fingerprint is unchanged need not run again. Null until computed.</summary>
    public string? InputFingerprint { get; init; }

    /// <summary>What the node wrote.</summary>
    public IReadOnlyList<OutputLocation> Outputs { get; init; } = [];

    /// <summary>Why it failed, or null.</summary>
    public NodeError? Error { get; init; }

    /// <summary>When it started, as passed in by the runtime (metadata only, never used in results).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it finished, as passed in by the runtime (metadata only).</summary>
    public DateTimeOffset? CompletedAt { get; init; }
}
