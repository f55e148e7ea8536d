namespace QuantFunctions.Orchestration.Manifests;

/// <summary>
/// What a node fans out over: a literal list of items, the name of a pipeline parameter that holds a list,
/// or a matrix — the cross product of several list parameters (<c>{"matrix": ["standards", "engines"]}</c>),
/// one item per combination, its values joined by <see cref="MatrixSeparator"/> in the order the axes are named. Items are identifiers (<c>[a-z0-9_]+</c>) because they become part of node keys
/// (<c>alpha.allocate[crypto_long]</c>) and lake paths.
/// </summary>
public sealed record ForEachSpec
{
    /// <summary>The pipeline parameter holding the list, or null for a literal list.</summary>
    public string? Parameter { get; init; }

    /// <summary>The literal items (empty when <see cref="Parameter"/> or <see cref="Matrix"/> is set).</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>The list parameters whose cross product the node fans out over (empty unless a matrix).</summary>
    public IReadOnlyList<string> Matrix { get; init; } = [];

    /// <summary>Joins one value per matrix axis into an item (<c>momentum__hrp__long_only__t2</c>); no axis value may contain it.</summary>
    public const string MatrixSeparator = "__";

    /// <summary>
    /// A key identifying the list: two nodes fanning out over the same key pair their instances
    /// one-to-one (<c>param:sleeves</c> or <c>list:a,b</c>).
    /// </summary>
    public string ListKey => Parameter is not null ? "param:" + Parameter
        : Matrix.Count > 0 ? "matrix:" + string.Join(',', Matrix)
        : "list:" + string.Join(',', Items);
}
