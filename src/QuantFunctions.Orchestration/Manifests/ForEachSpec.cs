namespace QuantFunctions.Orchestration.Manifests;

/// <summary>
/// What a node fans out over: either a literal list of items or the name of a pipeline parameter that
/// holds a list. Items are identifiers (<c>[a-z0-9_]+</c>) because they become part of node keys
/// (<c>alpha.allocate[crypto_long]</c>) and lake paths.
/// </summary>
public sealed record ForEachSpec
{
    /// <summary>The pipeline parameter holding the list, or null for a literal list.</summary>
    public string? Parameter { get; init; }

    /// <summary>The literal items (empty when <see cref="Parameter"/> is set).</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>
    /// A key identifying the list: two nodes fanning out over the same key pair their instances
    /// one-to-one (<c>param:sleeves</c> or <c>list:a,b</c>).
    /// </summary>
    public string ListKey => Parameter is not null ? "param:" + Parameter : "list:" + string.Join(',', Items);
}
