using System.Text.Json;

namespace QuantFunctions.Orchestration.Planning;

/// <summary>One node instance of an expanded plan: a manifest node, or one <c>for_each</c> item of it.</summary>
public sealed record PlanNode
{
    /// <summary>The instance key: the node id, or <c>{id}[{item}]</c> for a fanned-out node.</summary>
    public required string Key { get; init; }

    /// <summary>The manifest node id.</summary>
    public required string NodeId { get; init; }

    /// <summary>The stage id.</summary>
    public required string StageId { get; init; }

    /// <summary>The <c>for_each</c> item, or null.</summary>
    public string? ForEachItem { get; init; }

    /// <summary>The key of the list the instance was fanned out over (<see cref="Manifests.ForEachSpec.ListKey"/>, e.g. <c>param:sleeves</c>), or null.</summary>
    public string? ForEachList { get; init; }

    /// <summary>Keys of the instances this instance depends on, in plan order.</summary>
    public required IReadOnlyList<string> DependsOn { get; init; }

    /// <summary>The bound, validated parameter record.</summary>
    public required object Parameters { get; init; }

    /// <summary>The pipeline parameters after overrides (shared by every node of the plan).</summary>
    public required IReadOnlyDictionary<string, JsonElement> PipelineParameters { get; init; }

    /// <summary>The effective parameters as JSON (every property, defaults included), for run records.</summary>
    public required string ParametersJson { get; init; }

    /// <summary>Formats an instance key: <c>id</c> or <c>id[item]</c>.</summary>
    public static string FormatKey(string nodeId, string? item) => item is null ? nodeId : $"{nodeId}[{item}]";
}
