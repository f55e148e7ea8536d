using System.Text.Json;
using System.Text.Json.Nodes;
using QuantFunctions.Orchestration.Manifests;

namespace QuantFunctions.Orchestration.Planning;

/// <summary>
/// References to manifest parameters in node <c>params</c>: a JSON string that is exactly <c>"${name}"</c>, at any depth,
/// stands for the parameter's value (of its type: <c>"top_n": "${top}"</c> binds a number). A string that holds <c>${</c>
/// otherwise is an error, never a half-substituted value.
/// </summary>
internal static class ParameterReferences
{
    private const string Open = "${";

    /// <summary>The names referenced anywhere in <paramref name="value"/>, in order (with repeats).</summary>
    public static IEnumerable<string> In(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when TryName(value.GetString()!, out string? name):
                yield return name!;
                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in value.EnumerateArray())
                {
                    foreach (string n in In(item))
                    {
                        yield return n;
                    }
                }

                break;
            case JsonValueKind.Object:
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    foreach (string n in In(property.Value))
                    {
                        yield return n;
                    }
                }

                break;
            default:
                break;
        }
    }

    /// <summary>
    /// <paramref name="value"/> with every reference replaced by the parameter's value; a reference to a parameter the
    /// manifest does not declare, or a string that holds <c>${</c> without being a reference, adds an error naming the node
    /// and the stage parameter <paramref name="parameter"/>.
    /// </summary>
    public static JsonNode? Substitute(JsonElement value, string parameter, IReadOnlyDictionary<string, JsonElement> values, Action<ManifestErrorCode, string> error)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                string text = value.GetString()!;
                if (TryName(text, out string? name))
                {
                    if (values.TryGetValue(name!, out JsonElement resolved))
                    {
                        return JsonSerializer.SerializeToNode(resolved);
                    }

                    error(ManifestErrorCode.UnknownParameter,
                        $"params.{parameter} references '{text}', which the manifest does not declare (declared: {Known(values)})");
                    return null;
                }

                if (text.Contains(Open, StringComparison.Ordinal))
                {
                    error(ManifestErrorCode.InvalidParameter,
                        $"params.{parameter} = \"{text}\": a parameter reference is a whole string value, \"${{name}}\" with name in [a-z0-9_]");
                }

                return JsonSerializer.SerializeToNode(value);
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (JsonElement item in value.EnumerateArray())
                {
                    array.Add(Substitute(item, parameter, values, error));
                }

                return array;
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    obj[property.Name] = Substitute(property.Value, parameter, values, error);
                }

                return obj;
            default:
                return JsonSerializer.SerializeToNode(value);
        }
    }

    private static bool TryName(string text, out string? name)
    {
        name = text.StartsWith(Open, StringComparison.Ordinal) && text.EndsWith('}') ? text[Open.Length..^1] : null;
        return name is not null && Identifiers.IsName(name);
    }

    private static string Known(IReadOnlyDictionary<string, JsonElement> values) =>
        values.Count == 0 ? "none" : string.Join(", ", values.Keys.Order(StringComparer.Ordinal));
}
