using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Planning;

namespace QuantFunctions.Orchestration.Execution;

/// <summary>
/// The recorded state of a run (<c>_meta/{scope}/runs/{run_id}/run.json</c>): what was run, with which
/// inputs (manifest hash, overrides, seed, as-of), and every node's state.
/// </summary>
public sealed record RunState
{
    /// <summary>The run id.</summary>
    public required string RunId { get; init; }

    /// <summary>The pipeline's scope.</summary>
    public required string Scope { get; init; }

    /// <summary>The pipeline id.</summary>
    public required string PipelineId { get; init; }

    /// <summary>The pipeline version.</summary>
    public required string Version { get; init; }

    /// <summary>Data or model.</summary>
    public required PipelineKind Kind { get; init; }

    /// <summary>The run status.</summary>
    public RunStatus Status { get; init; }

    /// <summary>The run seed (stage seeds derive from it and the node key).</summary>
    public required int Seed { get; init; }

    /// <summary>The run's as-of time, the only time stages see.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>SHA-256 (hex) of the manifest's bytes.</summary>
    public required string ManifestHash { get; init; }

    /// <summary>The manifest copy in the lake (<c>_meta/pipelines/...</c>).</summary>
    public required string ManifestPath { get; init; }

    /// <summary>SHA-256 (hex) over the effective parameters of every node (in plan order).</summary>
    public required string ParametersHash { get; init; }

    /// <summary>The parameter overrides the run was started with (their text).</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>The git commit of the code, when the composition root knows it.</summary>
    public string? GitSha { get; init; }

    /// <summary>The W3C trace ids of the run's executions (the first run and each resume).</summary>
    public IReadOnlyList<string> TraceIds { get; init; } = [];

    /// <summary>When the run (or its last resume) started (metadata).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the run (or its last resume) ended (metadata).</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Why the run failed, or null.</summary>
    public string? FailureReason { get; init; }

    /// <summary>Every node's state, in plan order.</summary>
    public required IReadOnlyList<NodeState> Nodes { get; init; }

    /// <summary>The node statuses by key (the planner's input).</summary>
    public IReadOnlyDictionary<string, NodeStatus> Statuses() =>
        Nodes.ToDictionary(n => n.Key, n => n.Status, StringComparer.Ordinal);
}
