using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuantFunctions.Functions.Http;

/// <summary>A parameter a pipeline's manifest declares, as <c>GET /api/pipelines</c> lists it (what <c>set</c> in a start body accepts).</summary>
/// <param name="Name">The parameter name (the key in <c>set</c>).</param>
/// <param name="Type">string, int, number, bool, date, enum, list or object.</param>
/// <param name="Default">The manifest's default value (JSON; null when none).</param>
/// <param name="Description">What it means.</param>
/// <param name="Values">The allowed values of an enum parameter; empty otherwise.</param>
public sealed record PipelineParameterView(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("default")] JsonElement Default,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("values")] IReadOnlyList<string> Values);
