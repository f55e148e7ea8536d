using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace QuantFunctions.Orchestration.Stages;

/// <summary>The JSON conventions of stage parameters: snake_case names, nullable annotations respected, enums by their exact manifest spelling (<see cref="ParameterEnum"/>).</summary>
internal static class ParameterJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Describe(Type type)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(bool))
        {
            return "a boolean";
        }

        if (t == typeof(int) || t == typeof(long) || t == typeof(short))
        {
            return "an integer";
        }

        if (t == typeof(double) || t == typeof(float) || t == typeof(decimal))
        {
            return "a number";
        }

        if (t == typeof(string))
        {
            return "a string";
        }

        if (t.IsEnum)
        {
            return "one of " + string.Join(", ", ParameterEnum.Names(t));
        }

        return t.IsArray || (t.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(t)) ? "a list" : "an object of type " + t.Name;
    }

    public static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "a list",
        _ => "an object",
    };

    public static string Format(object? value) => value switch
    {
        null => "null",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(value, value.GetType(), Options),
    };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            RespectNullableAnnotations = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            Converters = { new ParameterEnumConverter() },
        };
        options.MakeReadOnly();
        return options;
    }
}
