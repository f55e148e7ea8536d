using System.Text.Json.Serialization;

namespace QuantFunctions.Host.Durable;

/// <summary>One node's state in a run status response.</summary>
/// <param name="Key">Node key, e.g. <c>alpha.allocate[crypto_long]</c>.</param>
/// <param name="Status">Pending, Running, Succeeded, Failed or Skipped.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="Error">The failure message, when failed or skipped.</param>
public sealed record NodeStatusView(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("error")] string? Error);
