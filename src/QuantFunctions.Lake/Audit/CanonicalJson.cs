using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QuantFunctions.Lake.Audit;

/// <summary>
/// Canonical JSON for hashing: object keys sorted by ordinal (UTF-16 code unit) order at every depth, no
/// whitespace, strings escaped minimally (<see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>), numbers
/// written as their JSON text. Close to RFC 8785 (JCS) for keys and layout.
/// </summary>
public static class CanonicalJson
{
    /// <summary>Writer options used for canonical output (also for ledger lines).</summary>
    internal static JsonWriterOptions WriterOptions { get; } = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The canonical UTF-8 bytes of <paramref name="node"/>.</summary>
    /// <exception cref="ArgumentException">The node holds a value JSON cannot represent (e.g. NaN).</exception>
    public static byte[] ToUtf8Bytes(JsonNode? node)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, node);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes <paramref name="node"/> canonically.</summary>
    public static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                var keys = new List<string>(obj.Count);
                foreach (KeyValuePair<string, JsonNode?> pair in obj)
                {
                    keys.Add(pair.Key);
                }

                keys.Sort(StringComparer.Ordinal);
                writer.WriteStartObject();
                foreach (string key in keys)
                {
                    writer.WritePropertyName(key);
                    Write(writer, obj[key]);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (JsonNode? item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
