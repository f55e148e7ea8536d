using OpenTelemetry;
using QuantFunctions.Orchestration.Telemetry;

namespace QuantFunctions.Cli.Infrastructure;

/// <summary>
/// OTLP export of the CLI's spans and metrics: on when an OTLP endpoint is set (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>,
/// or the per-signal <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c> / <c>OTEL_EXPORTER_OTLP_METRICS_ENDPOINT</c>); the
/// OpenTelemetry SDK then reads every standard <c>OTEL_EXPORTER_OTLP_*</c> variable itself (protocol, headers,
/// timeout, per-signal settings). Every run writes <c>forensic_trace.json</c> regardless.
/// </summary>
public static class CliTelemetry
{
    /// <summary>The variables that turn export on; each must be an absolute http(s) URI.</summary>
    public static readonly IReadOnlyList<string> EndpointVariables =
        ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"];

    /// <summary>The protocol variables; each must be <c>grpc</c> or <c>http/protobuf</c> (what the .NET exporter speaks).</summary>
    public static readonly IReadOnlyList<string> ProtocolVariables =
        ["OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_METRICS_PROTOCOL"];

    /// <summary>The SDK with OTLP export when an endpoint is set, else null.</summary>
    /// <param name="read">Reads an environment variable.</param>
    /// <exception cref="UsageException">An endpoint is not an absolute http(s) URI, or a protocol is not supported.</exception>
    public static OpenTelemetrySdk? Create(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        bool export = false;
        foreach (string name in EndpointVariables)
        {
            string? value = read(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new UsageException($"{name} '{value}' is not an absolute http(s) URI.");
            }

            export = true;
        }

        foreach (string name in ProtocolVariables)
        {
            string? value = read(name);
            if (!string.IsNullOrWhiteSpace(value) && value.Trim() is not ("grpc" or "http/protobuf"))
            {
                throw new UsageException($"{name} '{value}' is not supported: use 'grpc' or 'http/protobuf'.");
            }
        }

        return export ? QuantTelemetryExtensions.CreateSdk(new QuantTelemetryOptions { ServiceName = "quant-cli", ExportOtlp = true }) : null;
    }
}
