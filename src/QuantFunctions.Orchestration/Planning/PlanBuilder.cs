using System.Text.Json;
using System.Text.Json.Nodes;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Orchestration.Planning;

/// <summary>Validates a manifest with a run's overrides and expands it into an <see cref="ExecutionPlan"/>.</summary>
internal static class PlanBuilder
{
    private static readonly string?[] SingleInstance = [null];

    public static ExecutionPlan? TryBuild(PipelineManifest manifest, StageRegistry registry, ParameterOverrides overrides, List<ManifestError> errors)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(registry);
        int errorCount = errors.Count;
        string source = manifest.Source;
        overrides = OverrideCheck.Accepted(manifest, registry, overrides, errors);
        Dictionary<string, JsonElement> pipelineParameters = ResolvePipelineParameters(manifest, overrides, errors);

        var nodes = new Dictionary<string, ManifestNode>(StringComparer.Ordinal);
        foreach (ManifestNode node in manifest.Nodes)
        {
            if (!nodes.TryAdd(node.Id, node))
            {
                errors.Add(new ManifestError(ManifestErrorCode.DuplicateNode, source, node.Id, $"duplicate node id '{node.Id}'"));
            }
        }

        var items = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal);
        var bound = new Dictionary<string, (object Parameters, string Json)>(StringComparer.Ordinal);
        bool graphValid = true;
        foreach (ManifestNode node in nodes.Values)
        {
            foreach (string dependency in node.DependsOn)
            {
                if (!nodes.ContainsKey(dependency))
                {
                    graphValid = false;
                    errors.Add(new ManifestError(ManifestErrorCode.MissingDependency, source, node.Id,
                        $"depends on '{dependency}', which is not a node of this manifest"));
                }
            }

            items[node.Id] = ResolveItems(node, pipelineParameters, source, errors);
            if (!registry.TryGet(node.Stage, out StageDescriptor? stage))
            {
                errors.Add(new ManifestError(ManifestErrorCode.UnknownStage, source, node.Id,
                    $"unknown stage '{node.Stage}' (registered: {string.Join(", ", registry.Stages.Select(s => s.Id))})"));
                continue;
            }

            if (manifest.Kind == PipelineKind.Model && stage.Kind == PipelineKind.Data)
            {
                errors.Add(new ManifestError(ManifestErrorCode.StageKindMismatch, source, node.Id,
                    $"stage '{stage.Id}' is a data stage and cannot run in model pipeline '{manifest.Id}'"));
            }

            if (manifest.Kind == PipelineKind.Data && stage.Kind == PipelineKind.Model)
            {
                errors.Add(new ManifestError(ManifestErrorCode.StageKindMismatch, source, node.Id,
                    $"stage '{stage.Id}' is a model stage (it reads gold or fits models) and cannot run in data pipeline '{manifest.Id}'"));
            }

            (object, string)? parameters = BindParameters(manifest, node, stage, overrides, pipelineParameters, errors);
            if (parameters is not null)
            {
                bound[node.Id] = parameters.Value;
            }
        }

        List<ManifestNode>? order = graphValid && errors.Count == errorCount ? TopologicalOrder(manifest, nodes, errors) : null;
        return order is null || errors.Count > errorCount
            ? null
            : new ExecutionPlan(manifest, pipelineParameters, Expand(order, nodes, items, bound, pipelineParameters));
    }

    /// <summary>The manifest's defaults, then pipeline overrides (<c>--param name=json</c>), then declared values (<c>--set name=value</c>).</summary>
    private static Dictionary<string, JsonElement> ResolvePipelineParameters(PipelineManifest manifest, ParameterOverrides overrides, List<ManifestError> errors)
    {
        var resolved = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach ((string name, ManifestParameter parameter) in manifest.Parameters)
        {
            resolved[name] = parameter.Default;
        }

        foreach ((string name, JsonElement value) in overrides.Pipeline)
        {
            if (!manifest.Parameters.TryGetValue(name, out ManifestParameter? declared))
            {
                errors.Add(new ManifestError(ManifestErrorCode.UnknownParameter, manifest.Source, null,
                    $"override of unknown pipeline parameter '{name}' (known: {string.Join(", ", manifest.Parameters.Keys.Order(StringComparer.Ordinal))})"));
            }
            else if (declared.Problem(value) is not null)
            {
                errors.Add(new ManifestError(ManifestErrorCode.InvalidParameter, manifest.Source, null,
                    $"override of pipeline parameter '{name}' must be {declared.Describe()}, got {value.GetRawText()}"));
            }
            else
            {
                resolved[name] = value;
            }
        }

        foreach ((string name, JsonElement value) in ParameterValues.Parse(manifest, overrides.Values, errors))
        {
            resolved[name] = value;
        }

        return resolved;
    }

    private static IReadOnlyList<string>? ResolveItems(ManifestNode node, Dictionary<string, JsonElement> parameters, string source, List<ManifestError> errors)
    {
        if (node.ForEach is not { } forEach)
        {
            return null;
        }

        if (forEach.Matrix.Count > 0)
        {
            return ForEachMatrix.Expand(node.Id, forEach.Matrix, parameters, source, errors);
        }

        if (forEach.Parameter is null)
        {
            return forEach.Items;
        }

        if (!parameters.TryGetValue(forEach.Parameter, out JsonElement value))
        {
            errors.Add(new ManifestError(ManifestErrorCode.ForEachNotList, source, node.Id,
                $"for_each refers to pipeline parameter '{forEach.Parameter}', which is not defined"));
            return null;
        }

        List<string>? items = ForEachItems.TryRead(value, out string? problem);
        if (items is null)
        {
            errors.Add(new ManifestError(ManifestErrorCode.ForEachNotList, source, node.Id,
                $"for_each over pipeline parameter '{forEach.Parameter}', which {problem}"));
        }

        return items;
    }

    private static (object, string)? BindParameters(
        PipelineManifest manifest, ManifestNode node, StageDescriptor stage, ParameterOverrides overrides, IReadOnlyDictionary<string, JsonElement> pipelineParameters, List<ManifestError> errors)
    {
        var values = new JsonObject();
        var origin = new Dictionary<string, string>(StringComparer.Ordinal);
        int errorCount = errors.Count;
        foreach ((string name, JsonElement value) in node.Params)
        {
            values[name] = ParameterReferences.Substitute(value, name, pipelineParameters,
                (code, message) => errors.Add(new ManifestError(code, manifest.Source, node.Id, message)));
            foreach (string reference in ParameterReferences.In(value))
            {
                if (overrides.Values.TryGetValue(reference, out string? text))
                {
                    origin[name] = $"set '{reference}={text}'";
                }
            }
        }

        if (errors.Count > errorCount)
        {
            return null;
        }

        foreach (ParameterOverride o in overrides.For(manifest.Scope, manifest.Id, manifest.Version, stage.Id))
        {
            values[o.Name] = JsonSerializer.SerializeToNode(o.Value);
            origin[o.Name] = $"override '{o.Text}'";
        }

        var parameterErrors = new List<ParameterError>();
        object? parameters = stage.Binder.Bind(values, parameterErrors);
        foreach (ParameterError error in parameterErrors)
        {
            string suffix = error.Parameter is not null && origin.TryGetValue(error.Parameter, out string? from) ? $" (from {from})" : string.Empty;
            errors.Add(new ManifestError(error.Code, manifest.Source, node.Id, $"stage '{stage.Id}': {error.Message}{suffix}"));
        }

        return parameters is null ? null : (parameters, JsonSerializer.Serialize(parameters, stage.ParameterType, ParameterJson.Options));
    }

    /// <summary>Kahn's algorithm, taking the ready node that comes first in the manifest; names a cycle when there is one.</summary>
    private static List<ManifestNode>? TopologicalOrder(PipelineManifest manifest, Dictionary<string, ManifestNode> nodes, List<ManifestError> errors)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < manifest.Nodes.Count; i++)
        {
            index[manifest.Nodes[i].Id] = i;
            remaining[manifest.Nodes[i].Id] = manifest.Nodes[i].DependsOn.Distinct(StringComparer.Ordinal).Count();
        }

        var ready = new PriorityQueue<ManifestNode, int>();
        foreach (ManifestNode node in manifest.Nodes)
        {
            if (remaining[node.Id] == 0)
            {
                ready.Enqueue(node, index[node.Id]);
            }
        }

        var order = new List<ManifestNode>(manifest.Nodes.Count);
        while (ready.TryDequeue(out ManifestNode? node, out _))
        {
            order.Add(node);
            foreach (ManifestNode dependent in manifest.Nodes)
            {
                if (dependent.DependsOn.Contains(node.Id, StringComparer.Ordinal) && --remaining[dependent.Id] == 0)
                {
                    ready.Enqueue(dependent, index[dependent.Id]);
                }
            }
        }

        if (order.Count == manifest.Nodes.Count)
        {
            return order;
        }

        List<string> cycle = FindCycle(manifest, nodes, remaining);
        errors.Add(new ManifestError(ManifestErrorCode.Cycle, manifest.Source, cycle[0],
            $"dependency cycle: {string.Join(" -> ", cycle)}"));
        return null;
    }

    private static List<string> FindCycle(PipelineManifest manifest, Dictionary<string, ManifestNode> nodes, Dictionary<string, int> remaining)
    {
        // Every node left with unmet dependencies lies on or behind a cycle: walk unmet dependencies until one repeats.
        string start = manifest.Nodes.First(n => remaining[n.Id] > 0).Id;
        var path = new List<string>();
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        string current = start;
        while (!position.ContainsKey(current))
        {
            position[current] = path.Count;
            path.Add(current);
            current = nodes[current].DependsOn.First(d => remaining[d] > 0);
        }

        // The walk follows "depends on" edges; reverse it so the cycle reads in execution order.
        List<string> walk = path.GetRange(position[current], path.Count - position[current]);
        var cycle = new List<string>(walk.Count + 1) { walk[0] };
        for (int i = walk.Count - 1; i > 0; i--)
        {
            cycle.Add(walk[i]);
        }

        cycle.Add(walk[0]);
        return cycle;
    }

    private static List<PlanNode> Expand(
        List<ManifestNode> order,
        Dictionary<string, ManifestNode> nodes,
        Dictionary<string, IReadOnlyList<string>?> items,
        Dictionary<string, (object Parameters, string Json)> bound,
        IReadOnlyDictionary<string, JsonElement> pipelineParameters)
    {
        var instances = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var plan = new List<PlanNode>();
        foreach (ManifestNode node in order)
        {
            IReadOnlyList<string?> nodeItems = items[node.Id] is { } list ? (IReadOnlyList<string?>)list : SingleInstance;
            var keys = new List<string>(nodeItems.Count);
            foreach (string? item in nodeItems)
            {
                var dependsOn = new List<string>();
                foreach (string dependency in node.DependsOn.Distinct(StringComparer.Ordinal))
                {
                    string? pairedItem = item is null || nodes[dependency].ForEach is not { } upstream ? null
                        : upstream.ListKey == node.ForEach!.ListKey ? item
                        : ForEachMatrix.Project(item, node.ForEach.Matrix, upstream.Matrix);
                    dependsOn.AddRange(pairedItem is not null ? [PlanNode.FormatKey(dependency, pairedItem)] : instances[dependency]);
                }

                string key = PlanNode.FormatKey(node.Id, item);
                keys.Add(key);
                plan.Add(new PlanNode
                {
                    Key = key,
                    NodeId = node.Id,
                    StageId = node.Stage,
                    ForEachItem = item,
                    ForEachList = item is null ? null : node.ForEach?.ListKey,
                    DependsOn = dependsOn,
                    Parameters = bound[node.Id].Parameters,
                    ParametersJson = bound[node.Id].Json,
                    PipelineParameters = pipelineParameters,
                });
            }

            instances[node.Id] = keys;
        }

        return plan;
    }
}
