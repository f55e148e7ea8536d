namespace QuantFunctions.Functions.Http;

/// <summary>The optional body of <c>POST /api/orchestrators/{pipeline}</c> (JSON members <c>as_of</c>, <c>seed</c>, <c>run_id</c>, <c>set</c>, <c>params</c>).</summary>
public sealed record StartRunRequest
{
    /// <summary><c>run_id</c>: the run id (and Durable instance id); default derived from pipeline, as-of and seed.</summary>
    public string? RunId { get; init; }

    /// <summary><c>as_of</c>: the run's as-of time (ISO-8601 with an offset); default now.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary><c>seed</c>: the run seed; default 42.</summary>
    public int? Seed { get; init; }

    /// <summary><c>params</c>: parameter overrides (<c>stage:name=value</c>, <c>name=value</c>), as the CLI's <c>--param</c>.</summary>
    public IReadOnlyList<string> Params { get; init; } = [];

    /// <summary><c>set</c>: values of the manifest's declared parameters by name (<c>{"sleeve": "equity_long"}</c>), as the CLI's <c>--set</c>; non-string values as their JSON text.</summary>
    public IReadOnlyDictionary<string, string> Set { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
