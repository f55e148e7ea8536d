using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Orchestration.Execution;

/// <summary>
/// The inputs of a run besides its manifest: seed, as-of time, parameter overrides and the values of the manifest's
/// declared parameters. They are recorded in the <c>run.started</c> audit event (hash-chained) and in <c>params_hash</c>;
/// a resume reads them back.
/// </summary>
public sealed record RunSettings
{
    private static readonly IReadOnlyDictionary<string, string> NoParameters = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The run seed (stage seeds derive from it and the node key).</summary>
    public required int Seed { get; init; }

    /// <summary>The run's as-of time, the only time stages see.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The parameter override assignments, as given.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>
    /// The values of the manifest's declared parameters (<c>--set name=value</c>), as text by name — in their one spelling
    /// per value when they come through <see cref="Manifests.ParameterValues.Canonicalize"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = NoParameters;

    /// <summary>True when both have the same seed, as-of, overrides (in order) and parameter values.</summary>
    public bool SameAs(RunSettings other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Seed == other.Seed && AsOf == other.AsOf && Overrides.SequenceEqual(other.Overrides, StringComparer.Ordinal)
            && Parameters.Count == other.Parameters.Count
            && Parameters.All(p => other.Parameters.TryGetValue(p.Key, out string? value) && string.Equals(value, p.Value, StringComparison.Ordinal));
    }

    /// <summary>The overrides and parameter values as the plan takes them, given by <paramref name="authority"/>.</summary>
    /// <exception cref="FormatException">An override does not follow the grammar.</exception>
    public ParameterOverrides ToOverrides(OverrideAuthority authority = OverrideAuthority.Operator) =>
        ParameterOverrides.Parse(Overrides, authority).WithValues(Parameters);

    internal void WriteTo(JsonObject data)
    {
        data["seed"] = Seed;
        data["as_of"] = AsOf.ToString("O", CultureInfo.InvariantCulture);
        data["overrides"] = AuditData.ToJson(Overrides);
        if (Parameters.Count > 0)
        {
            var parameters = new JsonObject();
            foreach ((string name, string value) in Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                parameters[name] = value;
            }

            data["parameters"] = parameters;
        }
    }

    internal static RunSettings ReadFrom(JsonObject data) => new()
    {
        Seed = data["seed"]!.GetValue<int>(),
        AsOf = DateTimeOffset.Parse(data["as_of"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        Overrides = [.. data["overrides"]!.AsArray().Select(o => o!.GetValue<string>())],
        Parameters = data["parameters"] is JsonObject parameters
            ? parameters.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal)
            : NoParameters,
    };
}
