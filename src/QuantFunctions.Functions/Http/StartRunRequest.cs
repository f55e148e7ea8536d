namespace QuantFunctions.Functions.Http;

/// <summary>The optional body of <c>POST /api/orchestrators/{pipeline}</c> (JSON members <c>as_of</c>, <c>seed</c>, <c>run_id</c>, <c>params</c>).</summary>
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
}
