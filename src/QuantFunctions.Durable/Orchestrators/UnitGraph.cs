using QuantFunctions.Orchestration.Planning;

namespace QuantFunctions.Durable.Orchestrators;

/// <summary>
/// A plan graph whose grouped nodes (a model run's sleeves) are condensed into one unit each, so the same
/// <see cref="Planner"/> decides when a whole sleeve may start (all its outside dependencies succeeded) and what waits for it.
/// </summary>
internal sealed class UnitGraph
{
    private const string GroupPrefix = "sleeve:";

    private UnitGraph(PlanGraph units, Dictionary<string, List<string>> members)
    {
        Units = units;
        Members = members;
    }

    /// <summary>The units in a topological order: a node key, or <c>sleeve:{name}</c> for a group.</summary>
    public PlanGraph Units { get; }

    /// <summary>The node keys of each group unit, in plan order.</summary>
    public IReadOnlyDictionary<string, List<string>> Members { get; }

    /// <summary>The group of a unit key, or null for a single node.</summary>
    public static string? GroupOf(string unit) => unit.StartsWith(GroupPrefix, StringComparison.Ordinal) ? unit[GroupPrefix.Length..] : null;

    /// <summary>Every node its own unit.</summary>
    public static UnitGraph Flat(PlanGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new UnitGraph(graph, []);
    }

    /// <summary>
    /// Condenses each group into one unit; falls back to <see cref="Flat"/> when there is no group or when condensing would
    /// make a cycle (a node outside a sleeve between two of its nodes).
    /// </summary>
    public static UnitGraph Condense(PlanGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var unitOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var members = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (GraphNode node in graph.Nodes)
        {
            string unit = node.Group is null ? node.Key : GroupPrefix + node.Group;
            unitOf[node.Key] = unit;
            if (node.Group is not null)
            {
                if (!members.TryGetValue(unit, out List<string>? keys))
                {
                    members[unit] = keys = [];
                    order.Add(unit);
                }

                keys.Add(node.Key);
            }
            else
            {
                order.Add(unit);
            }
        }

        if (members.Count == 0)
        {
            return Flat(graph);
        }

        var dependencies = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string unit in order)
        {
            dependencies[unit] = [];
        }

        foreach (GraphNode node in graph.Nodes)
        {
            string unit = unitOf[node.Key];
            foreach (string dependency in node.DependsOn)
            {
                string from = unitOf[dependency];
                if (from != unit && !dependencies[unit].Contains(from))
                {
                    dependencies[unit].Add(from);
                }
            }
        }

        List<string>? sorted = TopologicalOrder(order, dependencies);
        return sorted is null
            ? Flat(graph)
            : new UnitGraph(new PlanGraph([.. sorted.Select(u => new GraphNode(u, dependencies[u], GroupOf(u)))]), members);
    }

    // Kahn's algorithm, ties broken by first appearance in the plan; null on a cycle.
    private static List<string>? TopologicalOrder(List<string> order, Dictionary<string, List<string>> dependencies)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var sorted = new List<string>(order.Count);
        while (sorted.Count < order.Count)
        {
            string? next = null;
            foreach (string unit in order)
            {
                if (!done.Contains(unit) && dependencies[unit].TrueForAll(done.Contains))
                {
                    next = unit;
                    break;
                }
            }

            if (next is null)
            {
                return null;
            }

            done.Add(next);
            sorted.Add(next);
        }

        return sorted;
    }
}
