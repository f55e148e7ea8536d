using OpenTelemetry;
using QuantFunctions.Hosting.Settings;
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
    /// <summary>The SDK with OTLP export when an endpoint is set, else null.</summary>
    /// <param name="read">Reads an environment variable.</param>
    /// <exception cref="UsageException">An endpoint is not an absolute http(s) URI, or a protocol is not supported.</exception>
    public static OpenTelemetrySdk? Create(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return Create(HostSettingsBinder.BindTelemetry(new SettingsSource(read)));
        }
        catch (InvalidSettingException ex)
        {
            throw new UsageException(ex.Message, ex);
        }
    }

    /// <summary>The SDK with OTLP export when <paramref name="settings"/> turn it on, else null.</summary>
    /// <param name="settings">The bound telemetry settings.</param>
    public static OpenTelemetrySdk? Create(TelemetrySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Export ? QuantTelemetryExtensions.CreateSdk(new QuantTelemetryOptions { ServiceName = "quant-cli", ExportOtlp = true }) : null;
    }
}
