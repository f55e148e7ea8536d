using System.Text.Json.Serialization;

namespace QuantFunctions.Functions.Http;

/// <summary>One node's state in a run status response (from <c>run.json</c>).</summary>
/// <param name="Key">The node key, e.g. <c>alpha.allocate[crypto_long]</c>.</param>
/// <param name="Status">Pending, Running, Succeeded, Failed, Skipped or Cancelled.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="Error">The failure or skip message, when there is one.</param>
public sealed record NodeStatusView(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("error")] string? Error);
