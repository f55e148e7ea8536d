using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace QuantFunctions.Orchestration.Telemetry;

/// <summary>
/// Wires the orchestration's traces and metrics into the OpenTelemetry SDK, with OTLP export when an
/// endpoint is configured. Composition root:
/// <c>using var otel = OpenTelemetrySdk.Create(b => b.AddQuantTelemetry(new() { OtlpEndpoint = endpoint }));</c>
/// </summary>
public static class QuantTelemetryExtensions
{
    /// <summary>Adds the <see cref="OrchestrationTelemetry.SourceName"/> source and meter, the resource and, when set, the OTLP exporter.</summary>
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
                tracing.AddOtlpExporter(o => o.Endpoint = endpoint);
            }
        });
        builder.WithMetrics(metrics =>
        {
            metrics.AddMeter(OrchestrationTelemetry.SourceName);
            if (options.OtlpEndpoint is { } endpoint)
            {
                metrics.AddOtlpExporter(o => o.Endpoint = endpoint);
            }
        });
        return builder;
    }

    /// <summary>Creates an SDK instance with <see cref="AddQuantTelemetry"/>; dispose it at shutdown to flush.</summary>
    public static OpenTelemetrySdk CreateSdk(QuantTelemetryOptions options) =>
        OpenTelemetrySdk.Create(builder => builder.AddQuantTelemetry(options));
}
