using System.Text.Json;

namespace QuantFunctions.Orchestration.Stages;

/// <summary>
/// One stage parameter override from configuration or the CLI (<c>--param</c>), targeted by stage and
/// optionally by scope + pipeline (+ version). Text forms:
/// <c>stage:name=value</c>, <c>scope/pipeline/stage:name=value</c>, <c>scope/pipeline@version/stage:name=value</c>.
/// </summary>
/// <remarks>
/// Precedence, lowest to highest: the parameter record's default, the manifest node's <c>params</c>,
/// a stage override, a scope+pipeline+stage override, a scope+pipeline+version+stage override.
/// </remarks>
public sealed record ParameterOverride
{
    /// <summary>The scope the override is limited to, or null for every scope.</summary>
    public string? Scope { get; init; }

    /// <summary>The pipeline id the override is limited to, or null for every pipeline (set together with <see cref="Scope"/>).</summary>
    public string? PipelineId { get; init; }

    /// <summary>The pipeline version the override is limited to, or null for every version.</summary>
    public string? Version { get; init; }

    /// <summary>The stage id whose parameter is overridden.</summary>
    public required string StageId { get; init; }

    /// <summary>The parameter name (snake_case).</summary>
    public required string Name { get; init; }

    /// <summary>The value (a JSON value; text that is not JSON is taken as a string).</summary>
    public required JsonElement Value { get; init; }

    /// <summary>The text the override came from, for error messages.</summary>
    public required string Text { get; init; }

    /// <summary>0 for stage, 1 for scope+pipeline+stage, 2 for scope+pipeline+version+stage.</summary>
    public int Specificity => Version is not null ? 2 : PipelineId is not null ? 1 : 0;

    /// <summary>True when the override targets this stage in this pipeline version.</summary>
    public bool AppliesTo(string scope, string pipelineId, string version, string stageId) =>
        StageId == stageId
        && (Scope is null || Scope == scope)
        && (PipelineId is null || PipelineId == pipelineId)
        && (Version is null || Version == version);
}
