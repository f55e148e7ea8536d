using System.Globalization;
using System.Text.Json.Nodes;

namespace QuantFunctions.Orchestration.Execution;

/// <summary>
/// The inputs of a run besides its manifest: seed, as-of time and parameter overrides. They are recorded
/// in the <c>run.started</c> audit event (hash-chained) and in <c>params_hash</c>; a resume reads them back.
/// </summary>
public sealed record RunSettings
{
    /// <summary>The run seed (stage seeds derive from it and the node key).</summary>
    public required int Seed { get; init; }

    /// <summary>The run's as-of time, the only time stages see.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The parameter override assignments, as given.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>True when both have the same seed, as-of and overrides (in order).</summary>
    public bool SameAs(RunSettings other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Seed == other.Seed && AsOf == other.AsOf && Overrides.SequenceEqual(other.Overrides, StringComparer.Ordinal);
    }

    internal void WriteTo(JsonObject data)
    {
        data["seed"] = Seed;
        data["as_of"] = AsOf.ToString("O", CultureInfo.InvariantCulture);
        data["overrides"] = AuditData.ToJson(Overrides);
    }

    internal static RunSettings ReadFrom(JsonObject data) => new()
    {
        Seed = data["seed"]!.GetValue<int>(),
        AsOf = DateTimeOffset.Parse(data["as_of"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        Overrides = [.. data["overrides"]!.AsArray().Select(o => o!.GetValue<string>())],
    };
}
