using QuantFunctions.DataOps.Providers;

namespace QuantFunctions.Hosting.Settings;

/// <summary>
/// The settings both front ends read, by concern (bound by <see cref="HostSettingsBinder.Bind"/>, the same names and rules
/// for the CLI and the Functions app): the lake, the runner's parallelism, the code version, the outbound HTTP limits
/// and telemetry export.
/// </summary>
public sealed record HostSettings
{
    /// <summary>Where the lake lives (<c>QF_LAKE</c>, <c>QF_LAKE_ROOT</c>, <c>QF_LAKE_CONTAINER</c>, <c>QF_STORAGE_CONNECTION</c>).</summary>
    public required LakeSettings Lake { get; init; }

    /// <summary><c>QF_MAX_PARALLELISM</c>: nodes the local runner runs at once, 1 to 256.</summary>
    /// <value>Default <see cref="HostSettingsBinder.DefaultMaxParallelism"/> (the processor count).</value>
    public int MaxParallelism { get; init; } = HostSettingsBinder.DefaultMaxParallelism;

    /// <summary><c>QF_GIT_SHA</c>: the code version recorded in <c>run.json</c>, when known.</summary>
    public string? GitSha { get; init; }

    /// <summary><c>QF_HTTP_*</c>: the limits of outbound market data HTTP.</summary>
    /// <value>The defaults of <see cref="OutboundHttpOptions"/>.</value>
    public OutboundHttpOptions OutboundHttp { get; init; } = new();

    /// <summary><c>OTEL_EXPORTER_OTLP_*</c>: OTLP export of spans and metrics.</summary>
    /// <value>Default <see cref="TelemetrySettings.None"/>.</value>
    public TelemetrySettings Telemetry { get; init; } = TelemetrySettings.None;
}
