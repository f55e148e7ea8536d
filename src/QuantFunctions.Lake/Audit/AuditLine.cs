using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuantFunctions.Lake.Paths;

namespace QuantFunctions.Lake.Audit;

/// <summary>Serialisation, parsing and hashing of one <c>audit.jsonl</c> line.</summary>
internal static class AuditLine
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly JsonDocumentOptions StrictDocument = new() { AllowDuplicateProperties = false };

    /// <summary>Builds the entry that follows <paramref name="prevHash"/> at <paramref name="sequence"/>.</summary>
    public static AuditEntry Create(long sequence, AuditEvent e, string prevHash)
    {
        Validate(e);
        // Round-trip the data through its canonical text so the returned entry equals what a reader sees.
        var data = (JsonObject)JsonNode.Parse(CanonicalJson.ToUtf8Bytes(e.Data))!;
        var entry = new AuditEntry(sequence, e.Kind, e.Node, e.TraceId, data, prevHash, string.Empty, e.IdempotencyKey);
        return entry with { Hash = ComputeHash(entry) };
    }

    /// <summary>SHA-256 (lowercase hex) over the canonical JSON of the entry without <c>hash</c>.</summary>
    public static string ComputeHash(AuditEntry entry)
    {
        var obj = new JsonObject
        {
            ["seq"] = entry.Sequence,
            ["kind"] = entry.Kind,
            ["node"] = entry.Node,
            ["trace_id"] = entry.TraceId,
            ["data"] = entry.Data.DeepClone(),
            ["prev_hash"] = entry.PrevHash,
        };
        if (entry.IdempotencyKey is not null)
        {
            obj["idempotency_key"] = entry.IdempotencyKey;
        }

        return Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.ToUtf8Bytes(obj)));
    }

    /// <summary>The line text (no newline): fields in reading order, data canonical.</summary>
    public static string Serialize(AuditEntry entry)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, CanonicalJson.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteNumber("seq", entry.Sequence);
            w.WriteString("kind", entry.Kind);
            w.WriteString("node", entry.Node);
            w.WriteString("trace_id", entry.TraceId);
            w.WritePropertyName("data");
            CanonicalJson.Write(w, entry.Data);
            if (entry.IdempotencyKey is not null)
            {
                w.WriteString("idempotency_key", entry.IdempotencyKey);
            }

            w.WriteString("prev_hash", entry.PrevHash);
            w.WriteString("hash", entry.Hash);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Parses a line; a <see cref="FormatException"/> says what is wrong.</summary>
    public static AuditEntry Parse(string line)
    {
        try
        {
            return ParseObject(JsonNode.Parse(line, documentOptions: StrictDocument) as JsonObject ?? throw new FormatException("the line is not a JSON object"));
        }
        catch (JsonException e)
        {
            throw new FormatException("the line is not valid JSON: " + e.Message, e);
        }
        catch (ArgumentException e)
        {
            // JsonObject materialises lazily and reports duplicate keys this way.
            throw new FormatException("the line has a duplicate key: " + e.Message, e);
        }
    }

    private static AuditEntry ParseObject(JsonObject obj)
    {
        foreach (KeyValuePair<string, JsonNode?> pair in obj)
        {
            if (pair.Key is not ("seq" or "kind" or "node" or "trace_id" or "data" or "idempotency_key" or "prev_hash" or "hash"))
            {
                throw new FormatException($"unexpected field '{pair.Key}'");
            }
        }

        long seq = obj["seq"] is JsonValue v && v.TryGetValue(out long s) ? s : throw new FormatException("'seq' is missing or not an integer");
        JsonObject data = obj["data"] as JsonObject ?? throw new FormatException("'data' is missing or not an object");
        return new AuditEntry(
            seq,
            Text(obj, "kind"),
            obj["node"] is null ? null : Text(obj, "node"),
            Text(obj, "trace_id"),
            (JsonObject)data.DeepClone(),
            Text(obj, "prev_hash"),
            Text(obj, "hash"),
            obj.ContainsKey("idempotency_key") ? Text(obj, "idempotency_key") : null);
    }

    private static string Text(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.TryGetValue(out string? text) ? text : throw new FormatException($"'{name}' is missing or not a string");

    private static void Validate(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(e.Data);
        bool kindOk = e.Kind is { Length: > 0 } && e.Kind[0] != '.' && e.Kind[^1] != '.' && !e.Kind.Contains("..", StringComparison.Ordinal);
        foreach (char c in e.Kind ?? string.Empty)
        {
            kindOk &= LakeIdentifier.IsIdentifierChar(c) || c == '.';
        }

        if (!kindOk)
        {
            throw new ArgumentException($"Invalid audit event kind '{e.Kind}': dotted segments of [a-z0-9_], e.g. run.started.", nameof(e));
        }

        if (e.Node is not null)
        {
            _ = NodeKey.Parse(e.Node);
        }

        bool traceOk = e.TraceId is { Length: 32 } && e.TraceId != "00000000000000000000000000000000";
        foreach (char c in e.TraceId ?? string.Empty)
        {
            traceOk &= c is (>= '0' and <= '9') or (>= 'a' and <= 'f');
        }

        if (!traceOk)
        {
            throw new ArgumentException($"Invalid trace id '{e.TraceId}' for event '{e.Kind}': 32 lowercase hex characters, not all zero (W3C Trace Context).", nameof(e));
        }

        if (e.IdempotencyKey is { Length: 0 })
        {
            throw new ArgumentException($"Empty idempotency key on event '{e.Kind}': use null for none.", nameof(e));
        }
    }
}
