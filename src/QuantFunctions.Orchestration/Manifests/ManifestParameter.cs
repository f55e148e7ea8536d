using System.Globalization;
using System.Text.Json;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Orchestration.Manifests;

/// <summary>
/// A parameter a manifest declares once, under <c>parameters</c>, and its nodes reference as <c>"${name}"</c>:
/// <c>{"type": "enum", "values": ["a", "b"], "default": "a", "description": "…"}</c>. The short form
/// <c>"name": default</c> (a string, number, boolean or list) declares a parameter of its default's JSON type.
/// </summary>
public sealed record ManifestParameter
{
    /// <summary>The parameter name (<c>[a-z0-9_]+</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The parameter's type.</summary>
    public required ManifestParameterType Type { get; init; }

    /// <summary>The default value; JSON <c>null</c> when the parameter has none (a node then gets <c>null</c> unless it is set).</summary>
    public JsonElement Default { get; init; } = JsonSerializer.SerializeToElement<object?>(null);

    /// <summary>What the parameter means, for users (<c>quant pipeline run --help</c>-style listings and the API catalog).</summary>
    public string? Description { get; init; }

    /// <summary>The allowed values of an <see cref="ManifestParameterType.Enum"/> parameter, in declaration order.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>True for a declaration object; false for the short form (<c>"name": default</c>), which remote callers may not set.</summary>
    public bool IsDeclared { get; init; } = true;

    /// <summary>The type's name as a manifest writes it (<c>string</c>, <c>int</c>, …).</summary>
    public string TypeName => ParameterEnum.Name(Type);

    /// <summary>What a value must be, for messages: <c>a string</c>, <c>an integer</c>, <c>one of a, b</c>, ….</summary>
    public string Describe() => Type switch
    {
        ManifestParameterType.String => "a string",
        ManifestParameterType.Int => "an integer",
        ManifestParameterType.Number => "a number",
        ManifestParameterType.Bool => "a boolean (true or false)",
        ManifestParameterType.Date => "a date (yyyy-MM-dd)",
        ManifestParameterType.Enum => "one of " + string.Join(", ", Values) + " (case-sensitive)",
        ManifestParameterType.List => "a list",
        _ => "an object",
    };

    /// <summary>Null when <paramref name="value"/> is of this parameter's type (JSON <c>null</c> is not); else what is wrong.</summary>
    public string? Problem(JsonElement value)
    {
        bool fits = Type switch
        {
            ManifestParameterType.String => value.ValueKind == JsonValueKind.String,
            ManifestParameterType.Int => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            ManifestParameterType.Number => value.ValueKind == JsonValueKind.Number,
            ManifestParameterType.Bool => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            ManifestParameterType.Date => value.ValueKind == JsonValueKind.String && IsDate(value.GetString()!),
            ManifestParameterType.Enum => value.ValueKind == JsonValueKind.String && Values.Contains(value.GetString()!, StringComparer.Ordinal),
            ManifestParameterType.List => value.ValueKind == JsonValueKind.Array,
            _ => value.ValueKind == JsonValueKind.Object,
        };
        return fits ? null : $"parameter '{Name}' must be {Describe()}, got {value.GetRawText()}";
    }

    /// <summary>
    /// Parses the text of a <c>--set name=value</c> (or of the HTTP start body's <c>set</c>) as this parameter's type: a
    /// string, date or enum value as written; <c>int</c> and <c>number</c> in invariant notation; <c>true</c>/<c>false</c>;
    /// a list as JSON (<c>["a","b"]</c>) or comma-separated strings (<c>a,b</c>); an object as JSON.
    /// </summary>
    /// <returns>The value, or null with <paramref name="problem"/> saying what is wrong.</returns>
    public JsonElement? Parse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonElement? value = Type switch
        {
            ManifestParameterType.String or ManifestParameterType.Date or ManifestParameterType.Enum => JsonSerializer.SerializeToElement(text),
            ManifestParameterType.Int => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n) ? JsonSerializer.SerializeToElement(n) : null,
            ManifestParameterType.Number => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) ? JsonSerializer.SerializeToElement(d) : null,
            ManifestParameterType.Bool => text switch { "true" => JsonSerializer.SerializeToElement(true), "false" => JsonSerializer.SerializeToElement(false), _ => null },
            ManifestParameterType.List => text.StartsWith('[') ? Json(text) : JsonSerializer.SerializeToElement(text.Split(',', StringSplitOptions.TrimEntries)),
            _ => Json(text),
        };
        problem = value is { } v && Problem(v) is null ? null : $"parameter '{Name}' must be {Describe()}, got '{text}'";
        return problem is null ? value : null;
    }

    /// <summary>The text that <see cref="Parse"/> reads back as <paramref name="value"/> (one spelling per value).</summary>
    public static string Format(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.TryGetInt64(out long n) ? n.ToString(CultureInfo.InvariantCulture) : value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => JsonSerializer.Serialize(value),
    };

    private static bool IsDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static JsonElement? Json(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
