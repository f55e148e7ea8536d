using System.Text.Json;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Orchestration.Manifests;

/// <summary>Reads manifest JSON into a <see cref="PipelineManifest"/>, collecting structural errors.</summary>
internal static class ManifestReader
{
    private static readonly HashSet<string> PipelineProperties =
        ["$schema", "id", "version", "scope", "kind", "description", "schedule", "parameters", "nodes"];

    private static readonly HashSet<string> NodeProperties = ["id", "stage", "params", "depends_on", "for_each", "description"];

    public static PipelineManifest? Read(string json, string source, List<ManifestError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            errors.Add(new ManifestError(ManifestErrorCode.InvalidJson, source, null,
                $"not valid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {ex.Message}"));
            return null;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ManifestError(ManifestErrorCode.InvalidProperty, source, null, "the manifest must be a JSON object"));
                return null;
            }

            var reader = new Context(source, errors);
            reader.CheckProperties(root, PipelineProperties, null, "manifest");
            string? id = reader.Name(root, "id", null, required: true, Identifiers.IsName, "lowercase [a-z0-9_]+");
            string? version = reader.Name(root, "version", null, required: true, Identifiers.IsSemVer, "a semver version such as 1.0.0");
            string? scope = reader.Name(root, "scope", null, required: true, Identifiers.IsName, "lowercase [a-z0-9_]+");
            string? kindText = reader.Name(root, "kind", null, required: true, k => k is "data" or "model", "'data' or 'model'");
            string? schedule = reader.Schedule(root);
            string? description = reader.Name(root, "description", null, required: false, static _ => true, "a string");
            Dictionary<string, ManifestParameter> parameters = reader.Parameters(root);
            List<ManifestNode> nodes = reader.Nodes(root);
            if (id is null || version is null || scope is null || kindText is null)
            {
                return null;
            }

            return new PipelineManifest
            {
                Id = id,
                Version = version,
                Scope = scope,
                Kind = kindText == "data" ? PipelineKind.Data : PipelineKind.Model,
                Description = description,
                Schedule = schedule,
                Parameters = parameters,
                Nodes = nodes,
                Source = source,
                Json = json,
            };
        }
    }

    private sealed class Context(string source, List<ManifestError> errors)
    {
        public void CheckProperties(JsonElement element, HashSet<string> known, string? node, string what)
        {
            foreach (JsonProperty property in element.EnumerateObject())
            {
                if (!known.Contains(property.Name))
                {
                    Add(ManifestErrorCode.UnknownProperty, node, $"unknown {what} property '{property.Name}' (known: {string.Join(", ", known)})");
                }
            }
        }

        public string? Name(JsonElement element, string property, string? node, bool required, Func<string, bool> isValid, string expected)
        {
            if (!element.TryGetProperty(property, out JsonElement value))
            {
                if (required)
                {
                    Add(ManifestErrorCode.MissingProperty, node, $"missing required property '{property}'");
                }

                return null;
            }

            if (value.ValueKind != JsonValueKind.String || !isValid(value.GetString()!))
            {
                Add(ManifestErrorCode.InvalidProperty, node, $"property '{property}' must be {expected}, got {value.GetRawText()}");
                return null;
            }

            return value.GetString();
        }

        /// <summary>The optional <c>schedule</c>, checked with the NCRONTAB parser the timer uses (<see cref="ManifestSchedule"/>).</summary>
        public string? Schedule(JsonElement root)
        {
            string? schedule = Name(root, "schedule", null, required: false, static _ => true, "an NCRONTAB expression string");
            string? problem = schedule is null ? null : ManifestSchedule.Problem(schedule);
            if (problem is not null)
            {
                Add(ManifestErrorCode.InvalidProperty, null, $"property 'schedule' must be an NCRONTAB expression ({ManifestSchedule.Fields}), got \"{schedule}\": {problem}");
                return null;
            }

            return schedule;
        }

        public Dictionary<string, ManifestParameter> Parameters(JsonElement root) => new ManifestParameterReader(source, errors).Read(root);

        public List<ManifestNode> Nodes(JsonElement root)
        {
            var nodes = new List<ManifestNode>();
            if (!root.TryGetProperty("nodes", out JsonElement array))
            {
                Add(ManifestErrorCode.MissingProperty, null, "missing required property 'nodes'");
                return nodes;
            }

            if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
            {
                Add(ManifestErrorCode.InvalidProperty, null, "property 'nodes' must be a non-empty array of nodes");
                return nodes;
            }

            int index = 0;
            foreach (JsonElement element in array.EnumerateArray())
            {
                ManifestNode? node = Node(element, index++);
                if (node is not null)
                {
                    nodes.Add(node);
                }
            }

            return nodes;
        }

        private ManifestNode? Node(JsonElement element, int index)
        {
            string label = $"#{index}";
            if (element.ValueKind != JsonValueKind.Object)
            {
                Add(ManifestErrorCode.InvalidProperty, label, "a node must be a JSON object");
                return null;
            }

            string? id = Name(element, "id", label, required: true, Identifiers.IsDottedName, "lowercase [a-z0-9_] segments separated by '.'");
            label = id ?? label;
            CheckProperties(element, NodeProperties, label, "node");
            string? stage = Name(element, "stage", label, required: true, Identifiers.IsDottedName, "a stage id such as alpha.select");
            var parameters = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (element.TryGetProperty("params", out JsonElement paramsElement))
            {
                if (paramsElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (JsonProperty p in paramsElement.EnumerateObject())
                    {
                        parameters[p.Name] = p.Value.Clone();
                    }
                }
                else
                {
                    Add(ManifestErrorCode.InvalidProperty, label, "property 'params' must be an object");
                }
            }

            var dependsOn = new List<string>();
            if (element.TryGetProperty("depends_on", out JsonElement deps))
            {
                if (deps.ValueKind == JsonValueKind.Array && deps.EnumerateArray().All(d => d.ValueKind == JsonValueKind.String))
                {
                    dependsOn.AddRange(deps.EnumerateArray().Select(d => d.GetString()!));
                }
                else
                {
                    Add(ManifestErrorCode.InvalidProperty, label, "property 'depends_on' must be an array of node ids");
                }
            }

            ForEachSpec? forEach = element.TryGetProperty("for_each", out JsonElement forEachElement) ? ForEach(forEachElement, label) : null;
            return id is null || stage is null
                ? null
                : new ManifestNode { Id = id, Stage = stage, Params = parameters, DependsOn = dependsOn, ForEach = forEach };
        }

        private ForEachSpec? ForEach(JsonElement element, string node)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    return new ForEachSpec { Parameter = element.GetString() };
                case JsonValueKind.Array:
                    List<string>? items = ForEachItems.TryRead(element, out string? problem);
                    if (items is null)
                    {
                        Add(ManifestErrorCode.ForEachNotList, node, $"for_each {problem}");
                    }

                    return items is null ? null : new ForEachSpec { Items = items };
                case JsonValueKind.Object when element.TryGetProperty("matrix", out JsonElement axes):
                    List<string>? names = ForEachItems.TryRead(axes, out string? axesProblem);
                    if (names is null)
                    {
                        Add(ManifestErrorCode.ForEachNotList, node, $"for_each matrix {axesProblem}");
                    }

                    return names is null ? null : new ForEachSpec { Matrix = names };
                default:
                    Add(ManifestErrorCode.ForEachNotList, node,
                        $"for_each must be a list of items, the name of a list pipeline parameter or {{\"matrix\": [list parameters]}}, got {element.GetRawText()}");
                    return null;
            }
        }

        private void Add(ManifestErrorCode code, string? node, string message) => errors.Add(new ManifestError(code, source, node, message));
    }
}
