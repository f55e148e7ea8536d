using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace QuantFunctions.Orchestration.Stages;

/// <summary>
/// Builds the JSON Schema (draft 2020-12) of a stage's parameter record, with descriptions, ranges and
/// defaults taken from its attributes and its default instance (served by <c>quant stage schema</c>). A parameter a remote
/// caller may override carries <c>"x-overridable": true</c>; the root lists them all under <c>x-overridable</c>.
/// </summary>
internal static class StageParameterSchema
{
    /// <summary>The extension keyword that marks the parameters a remote caller may override.</summary>
    public const string OverridableKeyword = "x-overridable";

    public static JsonObject Build(string stageId, string description, Type parameterType, object defaults, IReadOnlyCollection<string> overridable)
    {
        var exporterOptions = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = static (context, node) =>
            {
                node = EnumSchema(context.TypeInfo.Type) ?? node;
                if (node is JsonObject schema && context.PropertyInfo?.AttributeProvider is { } attributes)
                {
                    Annotate(schema, attributes);
                }

                return node;
            },
        };

        JsonNode node = ParameterJson.Options.GetJsonSchemaAsNode(parameterType, exporterOptions);
        var root = node as JsonObject ?? [];
        var result = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "urn:quantfunctions:stage:" + stageId,
            ["title"] = stageId,
            ["description"] = description,
        };
        foreach (KeyValuePair<string, JsonNode?> pair in root.ToArray())
        {
            root.Remove(pair.Key);
            result[pair.Key] = pair.Value;
        }

        result["additionalProperties"] = false;
        result[OverridableKeyword] = new JsonArray([.. overridable.Select(name => (JsonNode)JsonValue.Create(name))]);
        result.Remove("required");
        if (result["properties"] is JsonObject properties)
        {
            JsonObject defaultValues = JsonSerializer.SerializeToNode(defaults, parameterType, ParameterJson.Options)!.AsObject();
            foreach (KeyValuePair<string, JsonNode?> property in properties)
            {
                if (property.Value is JsonObject propertySchema && defaultValues[property.Key] is { } value)
                {
                    propertySchema["default"] = value.DeepClone();
                }
            }
        }

        return result;
    }

    private static void Annotate(JsonObject schema, ICustomAttributeProvider attributes)
    {
        foreach (object attribute in attributes.GetCustomAttributes(inherit: true))
        {
            switch (attribute)
            {
                case DescriptionAttribute d:
                    schema["description"] = d.Description;
                    break;
                case RangeAttribute r:
                    schema["minimum"] = ToNumber(r.Minimum);
                    schema["maximum"] = ToNumber(r.Maximum);
                    break;
                case MinLengthAttribute min:
                    schema[IsString(schema) ? "minLength" : "minItems"] = min.Length;
                    break;
                case MaxLengthAttribute max:
                    schema[IsString(schema) ? "maxLength" : "maxItems"] = max.Length;
                    break;
                case StringLengthAttribute s:
                    schema["minLength"] = s.MinimumLength;
                    schema["maxLength"] = s.MaximumLength;
                    break;
                case RegularExpressionAttribute re:
                    schema["pattern"] = re.Pattern;
                    break;
                case OverridableAttribute:
                    schema[OverridableKeyword] = true;
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary><c>{"type": "string", "enum": [...]}</c> for an enum parameter (with <c>null</c> when nullable), else null.</summary>
    private static JsonObject? EnumSchema(Type type)
    {
        Type? underlying = Nullable.GetUnderlyingType(type);
        Type enumType = underlying ?? type;
        if (!enumType.IsEnum)
        {
            return null;
        }

        var values = new JsonArray([.. ParameterEnum.Names(enumType).Select(n => (JsonNode)JsonValue.Create(n))]);
        if (underlying is not null)
        {
            values.Add(null);
        }

        return new JsonObject
        {
            ["type"] = underlying is null ? "string" : new JsonArray("string", "null"),
            ["enum"] = values,
        };
    }

    private static bool IsString(JsonObject schema) =>
        schema["type"] is JsonValue v && v.TryGetValue(out string? type) && type == "string";

    private static JsonValue ToNumber(object value) => value switch
    {
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        _ => JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
    };
}
