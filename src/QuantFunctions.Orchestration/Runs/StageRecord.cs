using System.Text.Json.Nodes;
using QuantFunctions.Lake.Paths;

namespace QuantFunctions.Orchestration.Runs;

/// <summary>
/// One node's record, <c>_meta/{scope}/runs/{run_id}/stages/{node}/stage.json</c>: the stage that ran, its
/// resolved parameters, the full fingerprints of what it read, what it wrote and how it ended.
/// </summary>
public sealed record StageRecord
{
    /// <summary>The stage.json format version.</summary>
    public int FormatVersion { get; init; } = RunRecord.CurrentFormatVersion;

    /// <summary>The run id.</summary>
    public required RunId RunId { get; init; }

    /// <summary>The scope that owns the run.</summary>
    public required LakeIdentifier Scope { get; init; }

    /// <summary>The node key.</summary>
    public required NodeKey Node { get; init; }

    /// <summary>The stage implementation id, e.g. <c>alpha.allocate</c>.</summary>
    public required string StageId { get; init; }

    /// <summary>Its state.</summary>
    public required NodeStatus Status { get; init; }

    /// <summary>Attempts made.</summary>
    public int Attempts { get; init; }

    /// <summary>The resolved parameters, or null.</summary>
    public JsonObject? Parameters { get; init; }

    /// <summary>SHA-256 (hex) of the resolved parameters, or null.</summary>
    public string? ParamsHash { get; init; }

    /// <summary>SHA-256 (hex) over the input fingerprints and parameters (as in <see cref="NodeState.InputFingerprint"/>).</summary>
    public string? InputFingerprint { get; init; }

    /// <summary>The datasets the node read.</summary>
    public IReadOnlyList<InputFingerprint> Inputs { get; init; } = [];

    /// <summary>What the node wrote.</summary>
    public IReadOnlyList<OutputLocation> Outputs { get; init; } = [];

    /// <summary>The risk profile the node resolved and applied (<see cref="Stages.StageResult.RiskProfile"/>), or null.</summary>
    public string? RiskProfile { get; init; }

    /// <summary>Why it failed, or null.</summary>
    public NodeError? Error { get; init; }

    /// <summary>When it started, as passed in by the runtime (metadata only).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it finished, as passed in by the runtime (metadata only).</summary>
    public DateTimeOffset? CompletedAt { get; init; }
}
