using System.Text.Json.Serialization;

namespace QuantFunctions.Functions.Http;

/// <summary>A registered stage in <c>GET /api/stages</c>.</summary>
/// <param name="Id">The stable stage id, e.g. <c>alpha.select</c>.</param>
/// <param name="Kind"><c>data</c> or <c>model</c>.</param>
/// <param name="Description">What it does.</param>
/// <param name="Parameters">Its parameter names (snake_case), sorted.</param>
/// <param name="Overridable">The parameters a start request's <c>params</c> may override, sorted; the manifest fixes the others.</param>
public sealed record StageView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("parameters")] IReadOnlyList<string> Parameters,
    [property: JsonPropertyName("overridable")] IReadOnlyList<string> Overridable);
