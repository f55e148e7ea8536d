using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuantFunctions.Host.Functions;

/// <summary>
/// The payload the Azure Functions host posts to a custom handler (<c>POST /{FunctionName}</c>) for
/// non-forwarded invocations: trigger and input values under <c>Data</c>, trigger metadata under <c>Metadata</c>.
/// </summary>
public sealed record FunctionInvocationRequest
{
    /// <summary>Trigger and input binding values keyed by binding name.</summary>
    [JsonPropertyName("Data")]
    public Dictionary<string, JsonElement> Data { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Trigger metadata (e.g. DequeueCount, Id, PopReceipt for a queue trigger).</summary>
    [JsonPropertyName("Metadata")]
    public Dictionary<string, JsonElement> Metadata { get; init; } = new(StringComparer.Ordinal);
}
