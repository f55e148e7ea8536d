using System.Text.Json;

namespace QuantFunctions.Orchestration.Stages;

/// <summary>
/// The overrides of one run: stage parameter overrides (<see cref="ParameterOverride"/>) and pipeline
/// parameter overrides (<c>name=value</c>, replacing a manifest <c>parameters</c> default), with the
/// <see cref="Authority"/> of whoever gave them. <see cref="Planning.ExecutionPlan.Create"/> checks them against a
/// pipeline: each stage override must apply to one of its nodes, and a remote caller may change only overridable parameters.
/// </summary>
public sealed class ParameterOverrides
{
    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>(StringComparer.Ordinal);

    private ParameterOverrides(IReadOnlyList<ParameterOverride> stage, IReadOnlyDictionary<string, JsonElement> pipeline, OverrideAuthority authority, IReadOnlyDictionary<string, string>? values = null)
    {
        Stage = stage;
        Pipeline = pipeline;
        Authority = authority;
        Values = values ?? NoValues;
    }

    /// <summary>No overrides.</summary>
    public static ParameterOverrides Empty { get; } = new([], new Dictionary<string, JsonElement>(StringComparer.Ordinal), OverrideAuthority.Operator);

    /// <summary>
    /// Values of the manifest's declared parameters (<c>--set name=value</c>, the HTTP start body's <c>set</c>), as text by
    /// name; each is parsed as its parameter's type when the plan is built (<see cref="Manifests.ManifestParameter.Parse"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>Who gave the overrides: an operator may change any parameter, a remote caller only overridable ones.</summary>
    public OverrideAuthority Authority { get; }

    /// <summary>Stage parameter overrides, in the order given.</summary>
    public IReadOnlyList<ParameterOverride> Stage { get; }

    /// <summary>Pipeline parameter overrides by name.</summary>
    public IReadOnlyDictionary<string, JsonElement> Pipeline { get; }

    /// <summary>
    /// Parses <c>--param</c> style assignments: <c>name=value</c> (pipeline parameter),
    /// <c>stage:name=value</c>, <c>scope/pipeline/stage:name=value</c> or
    /// <c>scope/pipeline@version/stage:name=value</c>. Values are JSON (<c>5</c>, <c>true</c>,
    /// <c>["a","b"]</c>); anything else is a string. A later assignment of the same target wins.
    /// </summary>
    /// <param name="assignments">The assignments, in order.</param>
    /// <param name="authority">Who gives them (the CLI: <see cref="OverrideAuthority.Operator"/>; the HTTP API: <see cref="OverrideAuthority.Remote"/>).</param>
    /// <exception cref="FormatException">An assignment does not follow the grammar; the message quotes it.</exception>
    public static ParameterOverrides Parse(IEnumerable<string> assignments, OverrideAuthority authority = OverrideAuthority.Operator)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var stage = new List<ParameterOverride>();
        var pipeline = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (string text in assignments)
        {
            int equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"Parameter override '{text}' must be 'name=value' or '[scope/pipeline[@version]/]stage:name=value'.");
            }

            string target = text[..equals].Trim();
            JsonElement value = ParseValue(text[(equals + 1)..]);
            int colon = target.LastIndexOf(':');
            if (colon < 0)
            {
                pipeline[target] = value;
                continue;
            }

            string name = target[(colon + 1)..];
            string[] path = target[..colon].Split('/');
            if (name.Length == 0 || path.Length is not (1 or 3) || Array.Exists(path, p => p.Length == 0))
            {
                throw new FormatException($"Parameter override '{text}' must be '[scope/pipeline[@version]/]stage:name=value'.");
            }

            string? scope = null, pipelineId = null, version = null;
            if (path.Length == 3)
            {
                scope = path[0];
                string[] idAndVersion = path[1].Split('@', 2);
                pipelineId = idAndVersion[0];
                version = idAndVersion.Length == 2 ? idAndVersion[1] : null;
            }

            stage.Add(new ParameterOverride
            {
                Scope = scope,
                PipelineId = pipelineId,
                Version = version,
                StageId = path[^1],
                Name = name,
                Value = value,
                Text = text,
            });
        }

        return new ParameterOverrides(stage, pipeline, authority);
    }

    /// <summary>These overrides with the declared parameter values <paramref name="values"/> (text by name).</summary>
    public ParameterOverrides WithValues(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 0 && Values.Count == 0
            ? this
            : new ParameterOverrides(Stage, Pipeline, Authority, new Dictionary<string, string>(values, StringComparer.Ordinal));
    }

    /// <summary>
    /// These overrides without the stage overrides <paramref name="excluded"/>, the pipeline overrides
    /// <paramref name="excludedPipeline"/> and the declared parameter values <paramref name="excludedValues"/>.
    /// </summary>
    internal ParameterOverrides Without(IReadOnlySet<ParameterOverride> excluded, IReadOnlySet<string> excludedPipeline, IReadOnlySet<string> excludedValues)
    {
        if (excluded.Count == 0 && excludedPipeline.Count == 0 && excludedValues.Count == 0)
        {
            return this;
        }

        var pipeline = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach ((string name, JsonElement value) in Pipeline)
        {
            if (!excludedPipeline.Contains(name))
            {
                pipeline[name] = value;
            }
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string name, string value) in Values)
        {
            if (!excludedValues.Contains(name))
            {
                values[name] = value;
            }
        }

        return new ParameterOverrides([.. Stage.Where(o => !excluded.Contains(o))], pipeline, Authority, values);
    }

    /// <summary>The overrides applying to a stage in a pipeline version, least specific first (later ones win).</summary>
    public IReadOnlyList<ParameterOverride> For(string scope, string pipelineId, string version, string stageId)
    {
        var matching = new List<(ParameterOverride Override, int Index)>();
        for (int i = 0; i < Stage.Count; i++)
        {
            if (Stage[i].AppliesTo(scope, pipelineId, version, stageId))
            {
                matching.Add((Stage[i], i));
            }
        }

        matching.Sort(static (a, b) => a.Override.Specificity != b.Override.Specificity
            ? a.Override.Specificity.CompareTo(b.Override.Specificity)
            : a.Index.CompareTo(b.Index));
        return matching.ConvertAll(m => m.Override);
    }

    private static JsonElement ParseValue(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(text);
        }
    }
}
