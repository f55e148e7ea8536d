namespace QuantFunctions.Orchestration.Telemetry;

/// <summary>The content of <c>forensic_trace.json</c>: every span of every execution of a run.</summary>
public sealed record ForensicTrace
{
    /// <summary>The run id.</summary>
    public required string RunId { get; init; }

    /// <summary>The pipeline's scope.</summary>
    public required string Scope { get; init; }

    /// <summary>The pipeline id.</summary>
    public required string PipelineId { get; init; }

    /// <summary>The spans, per execution in start order.</summary>
    public required IReadOnlyList<SpanRecord> Spans { get; init; }
}
