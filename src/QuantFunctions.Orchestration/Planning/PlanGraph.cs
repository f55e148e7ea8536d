namespace QuantFunctions.Orchestration.Planning;

/// <summary>
/// The shape of a plan — node keys and dependencies in a topological order, nothing else — so it can travel as data
/// (a Durable orchestration's input) and be planned by <see cref="Planner"/> wherever the plan itself is not at hand.
/// </summary>
/// <param name="Nodes">The nodes, each after all its dependencies.</param>
public sealed record PlanGraph(IReadOnlyList<GraphNode> Nodes)
{
    /// <summary>
    /// The sub-graph of the nodes of <paramref name="group"/>, dependencies outside it dropped (the caller starts the
    /// group only once they all succeeded).
    /// </summary>
    public PlanGraph Subgraph(string group)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var nodes = new List<GraphNode>();
        foreach (GraphNode node in Nodes)
        {
            if (node.Group == group)
            {
                keys.Add(node.Key);
            }
        }

        foreach (GraphNode node in Nodes)
        {
            if (keys.Contains(node.Key))
            {
                nodes.Add(node with { DependsOn = [.. node.DependsOn.Where(keys.Contains)] });
            }
        }

        return new PlanGraph(nodes);
    }
}
