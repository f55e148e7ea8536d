using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Paths;

namespace QuantFunctions.Orchestration.Runs;

/// <summary>
/// A run's record, <c>_meta/{scope}/runs/{run_id}/run.json</c>: what ran (pipeline, version, parameters,
/// manifest, code), what it read (input fingerprints), what it wrote and the state of every node.
/// </summary>
/// <remarks>Timestamps are run metadata passed in by the caller; they never feed results.</remarks>
public sealed record RunRecord
{
    /// <summary>The run.json format version this library writes.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The run.json format version.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The run id.</summary>
    public required RunId RunId { get; init; }

    /// <summary>The scope that owns the run (market, universe or sleeve).</summary>
    public required LakeIdentifier Scope { get; init; }

    /// <summary>The pipeline id.</summary>
    public required LakeIdentifier PipelineId { get; init; }

    /// <summary>The pipeline version.</summary>
    public required SemVer PipelineVersion { get; init; }

    /// <summary>Data or model pipeline.</summary>
    public required PipelineKind Kind { get; init; }

    /// <summary>The run's state.</summary>
    public required RunStatus Status { get; init; }

    /// <summary>SHA-256 (hex) of the resolved parameters.</summary>
    public required string ParamsHash { get; init; }

    /// <summary>SHA-256 (hex) of the manifest.</summary>
    public required string ManifestHash { get; init; }

    /// <summary>The git commit of the code, when the caller knows it; else null.</summary>
    public string? GitSha { get; init; }

    /// <summary>The datasets the run read.</summary>
    public IReadOnlyList<InputFingerprint> Inputs { get; init; } = [];

    /// <summary>Where the run wrote its outputs.</summary>
    public IReadOnlyList<OutputLocation> Outputs { get; init; } = [];

    /// <summary>
    /// The run's execution attempt: 1 for the first execution, one more for each resume. Queue messages carry it; a
    /// message of an earlier attempt is stale. Absent in records written before it existed (read as 1).
    /// </summary>
    public int Attempt { get; init; } = 1;

    /// <summary>Every node's state, in planning order.</summary>
    public IReadOnlyList<NodeState> Nodes { get; init; } = [];

    /// <summary>The audit ledger's head when the record was written (detects cut-off entries), or null.</summary>
    public AuditLedgerHead? AuditHead { get; init; }

    /// <summary>Why the run failed, or null.</summary>
    public NodeError? Error { get; init; }

    /// <summary>When the run started, as passed in by the runtime (metadata only).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the run finished, as passed in by the runtime (metadata only).</summary>
    public DateTimeOffset? CompletedAt { get; init; }
}
