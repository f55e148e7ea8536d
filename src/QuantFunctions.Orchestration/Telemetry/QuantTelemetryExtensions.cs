using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace QuantFunctions.Orchestration.Telemetry;

/// <summary>
/// Wires the orchestration's traces and metrics into the OpenTelemetry SDK, with OTLP export when configured.
/// Composition root: <c>using var otel = QuantTelemetryExtensions.CreateSdk(new() { ExportOtlp = true });</c> lets the
/// SDK read the standard <c>OTEL_EXPORTER_OTLP_*</c> settings (endpoint, protocol, headers, per-signal endpoints).
/// </summary>
public static class QuantTelemetryExtensions
{
    /// <summary>Adds the <see cref="OrchestrationTelemetry.SourceName"/> source and meter, the resource and, when configured, the OTLP exporters.</summary>
    public static IOpenTelemetryBuilder AddQuantTelemetry(this IOpenTelemetryBuilder builder, QuantTelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ServiceName);
        builder.ConfigureResource(r => r.AddService(options.ServiceName));
        builder.WithTracing(tracing =>
        {
            tracing.AddSource(OrchestrationTelemetry.SourceName);
            if (options.OtlpEndpoint is { } endpoint)
            {
                tracing.AddOtlpExporter(o => o.Endpoint = SignalEndpoint(endpoint, o.Protocol, TracesPath));
            }
        });
        builder.WithMetrics(metrics =>
        {
            metrics.AddMeter(OrchestrationTelemetry.SourceName);
            if (options.OtlpEndpoint is { } endpoint)
            {
                metrics.AddOtlpExporter(o => o.Endpoint = SignalEndpoint(endpoint, o.Protocol, MetricsPath));
            }
        });
        if (options.OtlpEndpoint is null && options.ExportOtlp)
        {
            // The SDK configures the exporters of every signal from OTEL_EXPORTER_OTLP_* (and the per-signal
            // variables), appending /v1/traces and /v1/metrics to a base endpoint for http/protobuf.
            builder.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>The OTLP/HTTP path of spans below a base endpoint.</summary>
    public const string TracesPath = "v1/traces";

    /// <summary>The OTLP/HTTP path of metrics below a base endpoint.</summary>
    public const string MetricsPath = "v1/metrics";

    /// <summary>
    /// The endpoint of one signal for a base endpoint: unchanged for gRPC, <c>{base}/{signalPath}</c> for
    /// <c>http/protobuf</c> (an endpoint set in code is used verbatim by the SDK, so the signal path is added here).
    /// </summary>
    public static Uri SignalEndpoint(Uri baseEndpoint, OtlpExportProtocol protocol, string signalPath)
    {
        ArgumentNullException.ThrowIfNull(baseEndpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(signalPath);
        if (protocol != OtlpExportProtocol.HttpProtobuf)
        {
            return baseEndpoint;
        }

        string root = baseEndpoint.AbsoluteUri.TrimEnd('/');
        return root.EndsWith("/" + signalPath, StringComparison.Ordinal) ? baseEndpoint : new Uri(root + "/" + signalPath);
    }

    /// <summary>Creates an SDK instance with <see cref="AddQuantTelemetry"/>; dispose it at shutdown to flush.</summary>
    public static OpenTelemetrySdk CreateSdk(QuantTelemetryOptions options) =>
        OpenTelemetrySdk.Create(builder => builder.AddQuantTelemetry(options));
}
