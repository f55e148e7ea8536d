namespace QuantFunctions.Orchestration.Telemetry;

/// <summary>How the composition root configures OpenTelemetry export.</summary>
public sealed record QuantTelemetryOptions
{
    /// <summary>The service name of the exported resource.</summary>
    /// <value>Default <c>quantfunctions</c>.</value>
    public string ServiceName { get; init; } = "quantfunctions";

    /// <summary>
    /// The OTLP endpoint; null disables OTLP export. The composition root sets it from
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; the OTLP exporter also reads the other <c>OTEL_EXPORTER_OTLP_*</c>
    /// variables (headers, protocol) itself.
    /// </summary>
    public Uri? OtlpEndpoint { get; init; }
}
