using QuantFunctions.Orchestration.Runs;
using System.Text.Json;

namespace QuantFunctions.Orchestration.Manifests;

/// <summary>
/// A validated pipeline manifest (<c>manifests/{scope}/{pipeline_id}/version={v}/manifest.json</c>):
/// the pipeline's identity, kind, parameters, optional schedule and DAG of nodes.
/// Built by <see cref="ManifestLoader"/>, which rejects invalid manifests.
/// </summary>
public sealed record PipelineManifest
{
    /// <summary>The pipeline id (<c>[a-z0-9_]+</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The pipeline version (semver 2.0, e.g. <c>1.0.0</c>).</summary>
    public required string Version { get; init; }

    /// <summary>The scope that owns the pipeline's outputs (market, universe or sleeve; <c>[a-z0-9_]+</c>).</summary>
    public required string Scope { get; init; }

    /// <summary>Data or model pipeline.</summary>
    public required PipelineKind Kind { get; init; }

    /// <summary>Optional human description.</summary>
    public string? Description { get; init; }

    /// <summary>Optional NCRONTAB schedule (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>).</summary>
    public string? Schedule { get; init; }

    /// <summary>The parameters the manifest declares (type, default, description), by name; nodes reference them as <c>"${name}"</c>.</summary>
    public IReadOnlyDictionary<string, ManifestParameter> Parameters { get; init; } = new Dictionary<string, ManifestParameter>(StringComparer.Ordinal);

    /// <summary>The DAG's nodes, in manifest order.</summary>
    public required IReadOnlyList<ManifestNode> Nodes { get; init; }

    /// <summary>Where the manifest came from (file path or a caller-given name), used in error messages.</summary>
    public required string Source { get; init; }

    /// <summary>The manifest's JSON text exactly as loaded (copied into <c>_meta</c> by a run).</summary>
    public required string Json { get; init; }
}
