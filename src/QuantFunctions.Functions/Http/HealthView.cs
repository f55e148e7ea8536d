using System.Text.Json.Serialization;

namespace QuantFunctions.Functions.Http;

/// <summary>The body of <c>GET /api/health</c> (anonymous: no secrets, no error text).</summary>
/// <param name="Status"><c>Healthy</c>, or <c>Unhealthy</c> when the lake cannot be reached.</param>
/// <param name="Lake">The lake's kind (<c>file</c> or <c>blob</c>) and whether it answered: <c>blob: reachable</c>, or the error's type (no paths or endpoints).</param>
/// <param name="LakeReachable">True when listing the lake succeeded.</param>
/// <param name="Pipelines">The number of catalog pipelines.</param>
/// <param name="Stages">The number of registered stages.</param>
public sealed record HealthView(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("lake")] string Lake,
    [property: JsonPropertyName("lakeReachable")] bool LakeReachable,
    [property: JsonPropertyName("pipelines")] int Pipelines,
    [property: JsonPropertyName("stages")] int Stages);
