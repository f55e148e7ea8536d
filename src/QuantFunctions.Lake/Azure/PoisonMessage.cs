using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuantFunctions.Lake.Azure;

/// <summary>What lands in <c>&lt;queue&gt;-poison</c>: the original message and why it was given up.</summary>
/// <param name="Queue">The queue the message came from.</param>
/// <param name="MessageId">Its id in that queue.</param>
/// <param name="DequeueCount">How many times it had been dequeued.</param>
/// <param name="InsertedOn">When it was first enqueued.</param>
/// <param name="Error">The last error (truncated to <see cref="PoisonQueueHandler.MaxErrorLength"/> characters, marked when cut).</param>
/// <param name="Body">The original decoded text, or the raw body when it could not be decoded.</param>
/// <param name="PoisonedOn">When it was moved.</param>
public sealed record PoisonMessage(
    string Queue,
    string MessageId,
    long DequeueCount,
    DateTimeOffset? InsertedOn,
    string Error,
    string Body,
    DateTimeOffset PoisonedOn)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>The JSON text stored in the poison queue.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a poison-queue message's text.</summary>
    /// <exception cref="JsonException">The text is not a poison record.</exception>
    public static PoisonMessage Parse(string json) =>
        JsonSerializer.Deserialize<PoisonMessage>(json, Json) ?? throw new JsonException("The poison record is null.");
}
