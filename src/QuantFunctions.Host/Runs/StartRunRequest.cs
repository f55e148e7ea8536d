using System.Text.Json.Serialization;

namespace QuantFunctions.Host.Runs;

/// <summary>The optional body of <c>POST /api/orchestrators/{pipeline}</c>.</summary>
public sealed record StartRunRequest
{
    /// <summary>Run id ([a-z0-9_-]); default: derived from pipeline, as-of and seed.</summary>
    [JsonPropertyName("run_id")]
    public string? RunId { get; init; }

    /// <summary>The run's as-of time (ISO-8601); default: now.</summary>
    [JsonPropertyName("as_of")]
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>Run seed; default 42.</summary>
    [JsonPropertyName("seed")]
    public int? Seed { get; init; }

    /// <summary>Parameter overrides (<c>stage:name=value</c>, …), as on the CLI's <c>--param</c>.</summary>
    [JsonPropertyName("params")]
    public IReadOnlyList<string>? Params { get; init; }
}
