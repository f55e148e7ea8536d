using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace QuantFunctions.Host.Functions;

/// <summary>
/// A custom handler's reply to the Functions host: output binding values, log lines, and the
/// <c>$return</c> value. Non-HTTP outputs are JSON text (plain strings could be taken for base64 by the host).
/// </summary>
public sealed record FunctionInvocationResponse
{
    /// <summary>Output binding values keyed by binding name.</summary>
    [JsonPropertyName("Outputs")]
    public Dictionary<string, JsonNode?> Outputs { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Lines forwarded to the invocation log.</summary>
    [JsonPropertyName("Logs")]
    public List<string> Logs { get; init; } = [];

    /// <summary>The value of a <c>$return</c> binding, if any.</summary>
    [JsonPropertyName("ReturnValue")]
    public JsonNode? ReturnValue { get; init; }
}
