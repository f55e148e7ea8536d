using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuantFunctions.Orchestration.Queue;

/// <summary>
/// A queue message asking a worker to run one node of a run: run id, scope, node key, the node's queue attempt
/// and the W3C trace context of the run (<c>traceparent</c>). Serialised as JSON; the queue client base64-encodes it
/// as Functions queue triggers expect.
/// </summary>
public sealed record NodeMessage
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The run id.</summary>
    [JsonPropertyName("run_id")]
    public required string RunId { get; init; }

    /// <summary>The run's scope.</summary>
    [JsonPropertyName("scope")]
    public required string Scope { get; init; }

    /// <summary>The node key, e.g. <c>alpha.select[crypto_long]</c>.</summary>
    [JsonPropertyName("node")]
    public required string Node { get; init; }

    /// <summary>The run's attempt (<c>run.json</c> <c>attempt</c>: 1, one more per resume) the message belongs to; with run and node, the idempotency key.</summary>
    [JsonPropertyName("attempt")]
    public required int Attempt { get; init; }

    /// <summary>The W3C <c>traceparent</c> of the run span (<c>00-{trace}-{span}-{flags}</c>); null when not traced.</summary>
    [JsonPropertyName("traceparent")]
    public string? TraceParent { get; init; }

    /// <summary>The idempotency key <c>{scope}/{run}/{node}/{attempt}</c>.</summary>
    [JsonIgnore]
    public string Key => $"{Scope}/{RunId}/{Node}/{Attempt}";

    /// <summary>The JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The parent context from <see cref="TraceParent"/>; default when absent or malformed.</summary>
    public ActivityContext ParentContext() =>
        TraceParent is not null && ActivityContext.TryParse(TraceParent, null, isRemote: true, out ActivityContext context) ? context : default;

    /// <summary>Parses a message.</summary>
    /// <exception cref="FormatException">Not JSON, or a field is missing or invalid; the message names it.</exception>
    public static NodeMessage Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        NodeMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<NodeMessage>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Node message is not valid JSON with run_id, scope, node and attempt: {ex.Message}", ex);
        }

        if (message is null || string.IsNullOrEmpty(message.RunId) || string.IsNullOrEmpty(message.Scope) || string.IsNullOrEmpty(message.Node))
        {
            throw new FormatException("Node message needs non-empty 'run_id', 'scope' and 'node'.");
        }

        return message.Attempt < 1 ? throw new FormatException($"Node message 'attempt' must be ≥ 1, got {message.Attempt}.") : message;
    }
}
