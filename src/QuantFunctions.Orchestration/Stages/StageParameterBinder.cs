using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using QuantFunctions.Orchestration.Manifests;

namespace QuantFunctions.Orchestration.Stages;

/// <summary>
/// Binds a JSON object of snake_case parameters to a stage's parameter record and validates it
/// (data annotations on properties, then <see cref="IValidatableObject"/>).
/// </summary>
internal sealed class StageParameterBinder
{
    private readonly Type _type;
    private readonly SortedDictionary<string, PropertyInfo> _properties = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _overridable = new(StringComparer.Ordinal);

    public StageParameterBinder(Type type)
    {
        _type = type;
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.CanWrite && property.GetIndexParameters().Length == 0)
            {
                string name = ParameterJson.Options.PropertyNamingPolicy!.ConvertName(property.Name);
                _properties[name] = property;
                if (property.IsDefined(typeof(OverridableAttribute), inherit: true))
                {
                    _overridable.Add(name);
                }
            }
        }
    }

    /// <summary>Parameter names (snake_case), sorted.</summary>
    public IEnumerable<string> Names => _properties.Keys;

    /// <summary>The names of the parameters marked <see cref="OverridableAttribute"/>, sorted.</summary>
    public IReadOnlyCollection<string> Overridable => _overridable;

    /// <summary>True when <paramref name="name"/> is a parameter of the record.</summary>
    public bool Has(string name) => _properties.ContainsKey(name);

    /// <summary>A parameter record with every default.</summary>
    public object CreateDefault() => Activator.CreateInstance(_type)!;

    /// <summary>Binds <paramref name="values"/> over the record's defaults; errors are returned, not thrown.</summary>
    public object? Bind(JsonObject values, List<ParameterError> errors)
    {
        object instance = CreateDefault();
        int errorCount = errors.Count;
        foreach (KeyValuePair<string, JsonNode?> pair in values)
        {
            if (!_properties.TryGetValue(pair.Key, out PropertyInfo? property))
            {
                errors.Add(new ParameterError(ManifestErrorCode.UnknownParameter, pair.Key,
                    $"unknown parameter '{pair.Key}' (known: {string.Join(", ", _properties.Keys)})"));
                continue;
            }

            if (pair.Value is null && !AcceptsNull(property))
            {
                errors.Add(new ParameterError(ManifestErrorCode.InvalidParameter, pair.Key, $"parameter '{pair.Key}' must be {ParameterJson.Describe(property.PropertyType)}, got null"));
                continue;
            }

            try
            {
                property.SetValue(instance, pair.Value.Deserialize(property.PropertyType, ParameterJson.Options));
            }
            catch (JsonException ex)
            {
                bool isEnum = (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType).IsEnum;
                errors.Add(new ParameterError(ManifestErrorCode.InvalidParameter, pair.Key, isEnum
                    ? $"parameter '{pair.Key}' must be {ParameterJson.Describe(property.PropertyType)} (case-sensitive), got {pair.Value?.ToJsonString() ?? "null"}"
                    : $"parameter '{pair.Key}' must be {ParameterJson.Describe(property.PropertyType)}, got {ParameterJson.Describe(pair.Value)} ({ex.Message})"));
            }
        }

        if (errors.Count > errorCount)
        {
            return null;
        }

        Validate(instance, errors);
        return errors.Count > errorCount ? null : instance;
    }

    /// <summary>True for a nullable value type or a reference type annotated nullable (<c>string?</c>).</summary>
    private static bool AcceptsNull(PropertyInfo property) =>
        property.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(property.PropertyType) is not null
            : new NullabilityInfoContext().Create(property).WriteState != NullabilityState.NotNull;

    private void Validate(object instance, List<ParameterError> errors)
    {
        int errorCount = errors.Count;
        foreach ((string name, PropertyInfo property) in _properties)
        {
            object? value = property.GetValue(instance);
            var context = new ValidationContext(instance) { MemberName = property.Name, DisplayName = name };
            foreach (ValidationAttribute attribute in property.GetCustomAttributes<ValidationAttribute>(inherit: true))
            {
                ValidationResult? result = attribute.GetValidationResult(value, context);
                if (result != ValidationResult.Success)
                {
                    ManifestErrorCode code = attribute is RangeAttribute or MinLengthAttribute or MaxLengthAttribute or StringLengthAttribute or LengthAttribute
                        ? ManifestErrorCode.ParameterOutOfRange
                        : ManifestErrorCode.InvalidParameter;
                    errors.Add(new ParameterError(code, name,
                        $"parameter '{name}' = {ParameterJson.Format(value)}: {result?.ErrorMessage}"));
                }
            }
        }

        if (errors.Count == errorCount && instance is IValidatableObject validatable)
        {
            foreach (ValidationResult result in validatable.Validate(new ValidationContext(instance)))
            {
                string? member = result.MemberNames.FirstOrDefault();
                string? name = member is null ? null : ParameterJson.Options.PropertyNamingPolicy!.ConvertName(member);
                errors.Add(new ParameterError(ManifestErrorCode.InvalidParameter, name,
                    name is null ? result.ErrorMessage ?? "invalid parameters" : $"parameter '{name}': {result.ErrorMessage}"));
            }
        }
    }
}
