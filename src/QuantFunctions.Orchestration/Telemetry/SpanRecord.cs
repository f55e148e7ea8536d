namespace QuantFunctions.Orchestration.Telemetry;

/// <summary>One finished span as written to <c>forensic_trace.json</c>.</summary>
public sealed record SpanRecord
{
    /// <summary>The span name (<c>run demo/sleeve</c>, <c>node alpha.select</c>, or a stage's own span).</summary>
    public required string Name { get; init; }

    /// <summary>W3C trace id (32 hex).</summary>
    public required string TraceId { get; init; }

    /// <summary>W3C span id (16 hex).</summary>
    public required string SpanId { get; init; }

    /// <summary>The parent span id, or null for a root span.</summary>
    public string? ParentSpanId { get; init; }

    /// <summary>Start time (UTC).</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>End time (UTC).</summary>
    public required DateTimeOffset End { get; init; }

    /// <summary><c>unset</c>, <c>ok</c> or <c>error</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The status description (the error message), or null.</summary>
    public string? StatusDescription { get; init; }

    /// <summary>The span's attributes, sorted by name, values as text.</summary>
    public required IReadOnlyDictionary<string, string?> Attributes { get; init; }
}
