using System.Text.Json;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Orchestration.Manifests;

/// <summary>Reads a manifest's <c>parameters</c>: declarations (<see cref="ManifestParameter"/>) and the short form <c>name: default</c>, collecting errors.</summary>
internal sealed class ManifestParameterReader(string source, List<ManifestError> errors)
{
    private static readonly HashSet<string> DeclarationProperties = ["type", "default", "description", "values"];

    private static readonly string TypeNames = string.Join(", ", ParameterEnum.Names(typeof(ManifestParameterType)));

    /// <summary>The parameters under <c>parameters</c> of <paramref name="root"/>, by name; none when it has none.</summary>
    public Dictionary<string, ManifestParameter> Read(JsonElement root)
    {
        var parameters = new Dictionary<string, ManifestParameter>(StringComparer.Ordinal);
        if (!root.TryGetProperty("parameters", out JsonElement value))
        {
            return parameters;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Add(ManifestErrorCode.InvalidProperty, "property 'parameters' must be an object of name: declaration (or name: default value)");
            return parameters;
        }

        foreach (JsonProperty parameter in value.EnumerateObject())
        {
            if (!Identifiers.IsName(parameter.Name))
            {
                Add(ManifestErrorCode.InvalidProperty, $"pipeline parameter name '{parameter.Name}' must be lowercase [a-z0-9_]+");
                continue;
            }

            ManifestParameter? read = parameter.Value.ValueKind switch
            {
                JsonValueKind.Object => Declaration(parameter.Name, parameter.Value),
                JsonValueKind.Null => Refuse(ManifestErrorCode.InvalidParameter,
                    $"pipeline parameter '{parameter.Name}' needs a non-null default (its JSON type is the parameter's type), or a declaration {{\"type\": …, \"default\": null}}"),
                _ => ShortForm(parameter.Name, parameter.Value),
            };
            if (read is not null)
            {
                parameters[parameter.Name] = read;
            }
        }

        return parameters;
    }

    private static ManifestParameter ShortForm(string name, JsonElement value) => new()
    {
        Name = name,
        Type = value.ValueKind switch
        {
            JsonValueKind.String => ManifestParameterType.String,
            JsonValueKind.Number => ManifestParameterType.Number,
            JsonValueKind.Array => ManifestParameterType.List,
            _ => ManifestParameterType.Bool,
        },
        Default = value.Clone(),
        IsDeclared = false,
    };

    private ManifestParameter? Declaration(string name, JsonElement declaration)
    {
        int errorCount = errors.Count;
        string what = $"parameter '{name}'";
        foreach (JsonProperty property in declaration.EnumerateObject())
        {
            if (!DeclarationProperties.Contains(property.Name))
            {
                Add(ManifestErrorCode.UnknownProperty, $"{what}: unknown property '{property.Name}' (known: {string.Join(", ", DeclarationProperties)})");
            }
        }

        ManifestParameterType? type = null;
        if (!declaration.TryGetProperty("type", out JsonElement typeElement))
        {
            Add(ManifestErrorCode.MissingProperty, $"{what}: missing 'type' ({TypeNames}; an object default is written {{\"type\": \"object\", \"default\": {{…}}}})");
        }
        else if (typeElement.ValueKind != JsonValueKind.String || ParameterEnum.TryParse(typeof(ManifestParameterType), typeElement.GetString()!) is not ManifestParameterType parsed)
        {
            Add(ManifestErrorCode.InvalidProperty, $"{what}: 'type' must be one of {TypeNames}, got {typeElement.GetRawText()}");
        }
        else
        {
            type = parsed;
        }

        List<string> values = EnumValues(what, declaration, type);
        string? description = null;
        if (declaration.TryGetProperty("description", out JsonElement descriptionElement))
        {
            description = descriptionElement.ValueKind == JsonValueKind.String ? descriptionElement.GetString() : null;
            if (description is null)
            {
                Add(ManifestErrorCode.InvalidProperty, $"{what}: 'description' must be a string");
            }
        }

        if (type is null || errors.Count > errorCount)
        {
            return null;
        }

        var parameter = new ManifestParameter { Name = name, Type = type.Value, Values = values, Description = description };
        if (declaration.TryGetProperty("default", out JsonElement defaultElement) && defaultElement.ValueKind != JsonValueKind.Null)
        {
            if (parameter.Problem(defaultElement) is string problem)
            {
                Add(ManifestErrorCode.InvalidParameter, "default of " + problem);
                return null;
            }

            parameter = parameter with { Default = defaultElement.Clone() };
        }

        return parameter;
    }

    private List<string> EnumValues(string what, JsonElement declaration, ManifestParameterType? type)
    {
        bool has = declaration.TryGetProperty("values", out JsonElement element);
        if (type != ManifestParameterType.Enum)
        {
            if (has && type is not null)
            {
                Add(ManifestErrorCode.InvalidProperty, $"{what}: 'values' belongs to \"type\": \"enum\" only");
            }

            return [];
        }

        var values = new List<string>();
        if (has && element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString()!.Length > 0 && !values.Contains(item.GetString()!, StringComparer.Ordinal))
                {
                    values.Add(item.GetString()!);
                }
                else
                {
                    Add(ManifestErrorCode.InvalidProperty, $"{what}: 'values' must hold distinct non-empty strings, got {item.GetRawText()}");
                }
            }
        }

        if (values.Count == 0)
        {
            Add(ManifestErrorCode.InvalidProperty, $"{what}: an enum needs 'values', a non-empty list of the allowed strings");
        }

        return values;
    }

    private ManifestParameter? Refuse(ManifestErrorCode code, string message)
    {
        Add(code, message);
        return null;
    }

    private void Add(ManifestErrorCode code, string message) => errors.Add(new ManifestError(code, source, null, message));
}
