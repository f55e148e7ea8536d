using System.Text.Json;

namespace QuantFunctions.Orchestration.Manifests;

/// <summary>One node of a pipeline's DAG, as written in the manifest.</summary>
public sealed record ManifestNode
{
    /// <summary>The node id, unique in the manifest (<c>[a-z0-9_]+</c> segments separated by '.').</summary>
    public required string Id { get; init; }

    /// <summary>The registered stage id the node runs (e.g. <c>alpha.select</c>).</summary>
    public required string Stage { get; init; }

    /// <summary>The stage parameters set by the manifest, by name (snake_case).</summary>
    public IReadOnlyDictionary<string, JsonElement> Params { get; init; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Ids of the nodes this node depends on.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>The list the node fans out over, or null for a single instance.</summary>
    public ForEachSpec? ForEach { get; init; }
}
