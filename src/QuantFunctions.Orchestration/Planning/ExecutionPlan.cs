using System.Text.Json;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Orchestration.Planning;

/// <summary>
/// A manifest expanded into node instances (one per <c>for_each</c> item) with resolved parameters
/// and instance-level dependencies, in a stable topological order.
/// </summary>
/// <remarks>
/// Fan-out rule: a dependent of a fanned-out node depends on all of its instances, except when both
/// fan out over the same list (the same pipeline parameter, or identical literal lists): then
/// instance <c>b[x]</c> depends only on <c>a[x]</c>.
/// </remarks>
public sealed class ExecutionPlan
{
    private readonly Dictionary<string, PlanNode> _byKey;
    private readonly Dictionary<string, List<string>> _dependents;
    private readonly Dictionary<string, int> _index;

    internal ExecutionPlan(PipelineManifest manifest, IReadOnlyDictionary<string, JsonElement> pipelineParameters, IReadOnlyList<PlanNode> nodes)
    {
        Manifest = manifest;
        PipelineParameters = pipelineParameters;
        Nodes = nodes;
        _byKey = nodes.ToDictionary(n => n.Key, StringComparer.Ordinal);
        _index = new Dictionary<string, int>(nodes.Count, StringComparer.Ordinal);
        for (int i = 0; i < nodes.Count; i++)
        {
            _index[nodes[i].Key] = i;
        }

        Graph = new PlanGraph([.. nodes.Select(n => new GraphNode(n.Key, n.DependsOn, n.ForEachList == SleeveList ? n.ForEachItem : null))]);
        _dependents = nodes.ToDictionary(n => n.Key, _ => new List<string>(), StringComparer.Ordinal);
        foreach (PlanNode node in nodes)
        {
            foreach (string dependency in node.DependsOn)
            {
                _dependents[dependency].Add(node.Key);
            }
        }
    }

    /// <summary>The list whose items group a model run's nodes into sleeves: the pipeline parameter <c>sleeves</c>.</summary>
    public const string SleeveList = "param:sleeves";

    /// <summary>The plan's shape (keys, dependencies, and each node's sleeve when it fans out over <c>sleeves</c>).</summary>
    public PlanGraph Graph { get; }

    /// <summary>The manifest the plan was built from.</summary>
    public PipelineManifest Manifest { get; }

    /// <summary>The pipeline parameters after overrides.</summary>
    public IReadOnlyDictionary<string, JsonElement> PipelineParameters { get; }

    /// <summary>The node instances in a stable topological order (manifest order breaks ties).</summary>
    public IReadOnlyList<PlanNode> Nodes { get; }

    /// <summary>
    /// Validates <paramref name="manifest"/> against <paramref name="registry"/> with the run's
    /// <paramref name="overrides"/> and expands it. Each stage override must apply to a node of the pipeline
    /// (<see cref="ManifestErrorCode.UnknownStage"/>, <see cref="ManifestErrorCode.UnmatchedOverride"/>); overrides of a
    /// remote caller may change only overridable stage parameters (<see cref="ManifestErrorCode.NotOverridable"/>).
    /// </summary>
    /// <exception cref="ManifestValidationException">Any validation error; every error names file and node, or the override.</exception>
    public static ExecutionPlan Create(PipelineManifest manifest, StageRegistry registry, ParameterOverrides? overrides = null)
    {
        var errors = new List<ManifestError>();
        ExecutionPlan? plan = PlanBuilder.TryBuild(manifest, registry, overrides ?? ParameterOverrides.Empty, errors);
        return plan ?? throw new ManifestValidationException(errors);
    }

    /// <summary>The instance with key <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such instance; the message lists the keys.</exception>
    public PlanNode Get(string key) =>
        _byKey.TryGetValue(key, out PlanNode? node)
            ? node
            : throw new KeyNotFoundException($"Pipeline '{Manifest.Id}' has no node '{key}'. Nodes: {string.Join(", ", _byKey.Keys)}.");

    /// <summary>The position of <paramref name="key"/> in <see cref="Nodes"/>, or -1.</summary>
    public int IndexOf(string key) => _index.TryGetValue(key, out int index) ? index : -1;

    /// <summary>True when the plan has an instance with key <paramref name="key"/>.</summary>
    public bool Contains(string key) => _byKey.ContainsKey(key);

    /// <summary>Keys of the instances that depend directly on <paramref name="key"/>.</summary>
    public IReadOnlyList<string> DependentsOf(string key) => _dependents[key];

    /// <summary>Keys of every instance that depends on <paramref name="key"/>, directly or transitively, in plan order.</summary>
    public IReadOnlyList<string> TransitiveDependentsOf(string key)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([key]);
        while (stack.Count > 0)
        {
            foreach (string dependent in _dependents[stack.Pop()])
            {
                if (found.Add(dependent))
                {
                    stack.Push(dependent);
                }
            }
        }

        var ordered = new List<string>(found.Count);
        foreach (PlanNode node in Nodes)
        {
            if (found.Contains(node.Key))
            {
                ordered.Add(node.Key);
            }
        }

        return ordered;
    }
}
