namespace QuantFunctions.Orchestration.Telemetry;

/// <summary>How the composition root configures OpenTelemetry export.</summary>
public sealed record QuantTelemetryOptions
{
    /// <summary>The service name of the exported resource.</summary>
    /// <value>Default <c>quantfunctions</c>.</value>
    public string ServiceName { get; init; } = "quantfunctions";

    /// <summary>
    /// Export spans and metrics over OTLP configured entirely by the OpenTelemetry SDK from the standard settings it
    /// reads itself: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (a base URL: with <c>http/protobuf</c> the SDK posts to
    /// <c>/v1/traces</c> and <c>/v1/metrics</c> below it), <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> (<c>grpc</c> or
    /// <c>http/protobuf</c>), <c>OTEL_EXPORTER_OTLP_HEADERS</c>, <c>OTEL_EXPORTER_OTLP_TIMEOUT</c> and their per-signal
    /// forms (<c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_METRICS_PROTOCOL</c>, …, used as given).
    /// Ignored when <see cref="OtlpEndpoint"/> is set.
    /// </summary>
    /// <value>Default false: no OTLP export.</value>
    public bool ExportOtlp { get; init; }

    /// <summary>
    /// An explicit OTLP base endpoint (what <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> means): with the gRPC protocol it is used
    /// as given, with <c>http/protobuf</c> spans go to <c>{endpoint}/v1/traces</c> and metrics to
    /// <c>{endpoint}/v1/metrics</c>. The exporter still reads protocol, headers and timeout from the standard
    /// <c>OTEL_EXPORTER_OTLP_*</c> settings itself. Null: see <see cref="ExportOtlp"/>.
    /// </summary>
    public Uri? OtlpEndpoint { get; init; }
}
