using System.Text.Json;

namespace QuantFunctions.Host.Functions;

/// <summary>
/// Decodes trigger values defensively. The Functions host serialises plain strings with
/// <c>JsonConvert.SerializeObject</c>, so a queue message may arrive as a JSON string that itself holds
/// a JSON string literal (extra quotes), or as JSON text, or as an object.
/// </summary>
public static class InvocationValueDecoder
{
    /// <summary>Maximum nesting of string-in-string encodings unwrapped.</summary>
    private const int MaxUnwrap = 3;

    /// <summary>
    /// Returns the JSON document carried by <paramref name="value"/>: an object or array as is, or the
    /// JSON text inside a (possibly doubly encoded) string.
    /// </summary>
    /// <exception cref="FormatException">The value is not JSON after unwrapping; the message names the binding.</exception>
    public static JsonElement DecodeJson(JsonElement value, string bindingName)
    {
        JsonElement current = value;
        for (int i = 0; i <= MaxUnwrap; i++)
        {
            if (current.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                return current;
            }

            if (current.ValueKind != JsonValueKind.String)
            {
                break;
            }

            string text = current.GetString() ?? string.Empty;
            string trimmed = text.TrimStart();
            if (trimmed.Length == 0 || (trimmed[0] != '{' && trimmed[0] != '[' && trimmed[0] != '"'))
            {
                break;
            }

            try
            {
                using JsonDocument doc = JsonDocument.Parse(text);
                current = doc.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new FormatException($"Binding '{bindingName}' holds text that is not valid JSON: {ex.Message}", ex);
            }
        }

        throw new FormatException($"Binding '{bindingName}' does not hold a JSON object (got {current.ValueKind}).");
    }
}
