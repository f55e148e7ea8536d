namespace QuantFunctions.Hosting.Settings;

/// <summary>
/// OTLP export of spans and metrics: on when an endpoint is set (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, or a per-signal
/// <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c> / <c>OTEL_EXPORTER_OTLP_METRICS_ENDPOINT</c>); the OpenTelemetry SDK then
/// reads every standard <c>OTEL_EXPORTER_OTLP_*</c> setting itself (protocol, headers, timeout, per-signal forms).
/// </summary>
/// <param name="Export">True when any OTLP endpoint is set.</param>
/// <param name="Endpoint">The base endpoint (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>), when set.</param>
public sealed record TelemetrySettings(bool Export, Uri? Endpoint)
{
    /// <summary>No export.</summary>
    public static TelemetrySettings None { get; } = new(false, null);
}
