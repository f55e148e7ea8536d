using System.Text.Json.Serialization;

namespace QuantFunctions.Functions.Http;

/// <summary>The body of a 202 to a terminate request.</summary>
/// <param name="Id">The run id.</param>
/// <param name="Action">What was accepted: <c>terminate</c>.</param>
/// <param name="Reason">The reason recorded (cleaned).</param>
/// <param name="StatusQueryGetUri">Where to poll the run.</param>
public sealed record RunControlAccepted(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("statusQueryGetUri")] string StatusQueryGetUri);
