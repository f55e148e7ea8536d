namespace QuantFunctions.Orchestration.Planning;

/// <summary>One node of a <see cref="PlanGraph"/>: its key and the keys it depends on.</summary>
/// <param name="Key">The node instance key (<c>id</c> or <c>id[item]</c>).</param>
/// <param name="DependsOn">Keys of the nodes it depends on.</param>
/// <param name="Group">The group the node belongs to (a model run's sleeve), or null.</param>
public sealed record GraphNode(string Key, IReadOnlyList<string> DependsOn, string? Group = null);
