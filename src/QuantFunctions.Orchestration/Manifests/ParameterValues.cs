using System.Text.Json;

namespace QuantFunctions.Orchestration.Manifests;

/// <summary>
/// The values a run gives a manifest's declared parameters — <c>quant pipeline run … --set name=value</c>, the HTTP start
/// body's <c>set</c> — as text by name. Each is parsed as its parameter's type (<see cref="ManifestParameter.Parse"/>);
/// an unknown name or an ill-typed value is refused before anything runs.
/// </summary>
public static class ParameterValues
{
    /// <summary>Reads <c>name=value</c> assignments (the first '=' splits; a later assignment of a name wins).</summary>
    /// <exception cref="FormatException">An assignment has no '=' or no name; the message quotes it.</exception>
    public static IReadOnlyDictionary<string, string> ParseAssignments(IEnumerable<string> assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string text in assignments)
        {
            int equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || text[..equals].Trim().Length == 0)
            {
                throw new FormatException($"--set '{text}' must be 'name=value' (a parameter the manifest declares).");
            }

            values[text[..equals].Trim()] = text[(equals + 1)..];
        }

        return values;
    }

    /// <summary>
    /// Checks <paramref name="values"/> against <paramref name="manifest"/>'s declarations and returns them in their one
    /// spelling per value (<see cref="ManifestParameter.Format"/>: <c>05</c> → <c>5</c>), so equal values make equal run
    /// inputs.
    /// </summary>
    /// <exception cref="ManifestValidationException">A name the manifest does not declare (<see cref="ManifestErrorCode.UnknownParameter"/>)
    /// or a value not of its parameter's type (<see cref="ManifestErrorCode.InvalidParameter"/>); each error names the parameter.</exception>
    public static IReadOnlyDictionary<string, string> Canonicalize(PipelineManifest manifest, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var errors = new List<ManifestError>();
        Dictionary<string, JsonElement> parsed = Parse(manifest, values, errors);
        if (errors.Count > 0)
        {
            throw new ManifestValidationException(errors);
        }

        var canonical = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach ((string name, JsonElement value) in parsed)
        {
            canonical[name] = ManifestParameter.Format(value);
        }

        return canonical;
    }

    /// <summary>The parsed values by name; an error per unknown name or ill-typed value.</summary>
    internal static Dictionary<string, JsonElement> Parse(PipelineManifest manifest, IReadOnlyDictionary<string, string> values, List<ManifestError> errors)
    {
        ArgumentNullException.ThrowIfNull(values);
        var parsed = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach ((string name, string text) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (!manifest.Parameters.TryGetValue(name, out ManifestParameter? parameter))
            {
                errors.Add(new ManifestError(ManifestErrorCode.UnknownParameter, manifest.Source, null,
                    $"set '{name}={text}': unknown parameter '{name}' (declared: {Declared(manifest)})"));
            }
            else if (parameter.Parse(text, out string? problem) is { } value)
            {
                parsed[name] = value;
            }
            else
            {
                errors.Add(new ManifestError(ManifestErrorCode.InvalidParameter, manifest.Source, null, $"set '{name}={text}': {problem}"));
            }
        }

        return parsed;
    }

    private static string Declared(PipelineManifest manifest) =>
        manifest.Parameters.Count == 0 ? "none" : string.Join(", ", manifest.Parameters.Keys.Order(StringComparer.Ordinal));
}
