using QuantFunctions.Orchestration.Planning;

namespace QuantFunctions.Orchestration.Execution;

/// <summary>The recorded state of one node instance of a run (<c>stages/{node}/stage.json</c>).</summary>
public sealed record NodeState
{
    /// <summary>The node instance key.</summary>
    public required string Key { get; init; }

    /// <summary>The stage id.</summary>
    public required string StageId { get; init; }

    /// <summary>The status.</summary>
    public NodeStatus Status { get; init; }

    /// <summary>Attempts made so far, over every execution of the run (resumes included).</summary>
    public int Attempts { get; init; }

    /// <summary>When the last execution started (metadata, not a result).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the last execution ended (metadata, not a result).</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The W3C trace id of the node span of the last execution.</summary>
    public string? TraceId { get; init; }

    /// <summary>Why the node failed, when <see cref="NodeStatus.Failed"/>.</summary>
    public NodeFailure? Failure { get; init; }

    /// <summary>Why the node was skipped, when <see cref="NodeStatus.Skipped"/>.</summary>
    public string? SkipReason { get; init; }

    /// <summary>Rows read by the successful execution.</summary>
    public long RowsRead { get; init; }

    /// <summary>Rows written by the successful execution.</summary>
    public long RowsWritten { get; init; }

    /// <summary>Lake paths written by the successful execution.</summary>
    public IReadOnlyList<string> Outputs { get; init; } = [];

    /// <summary>Input fingerprints reported by the successful execution, by input name.</summary>
    public IReadOnlyDictionary<string, string> InputFingerprints { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The stage's JSON summary (compact text), or null.</summary>
    public string? Summary { get; init; }

    /// <summary>A pending state for <paramref name="key"/>.</summary>
    public static NodeState Pending(string key, string stageId) => new() { Key = key, StageId = stageId };
}
