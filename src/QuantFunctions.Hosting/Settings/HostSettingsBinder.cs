using System.Globalization;
using Azure.Core;
using QuantFunctions.Lake.Azure;
using QuantFunctions.DataOps.Providers;

namespace QuantFunctions.Hosting.Settings;

/// <summary>
/// Binds the settings both front ends share from a <see cref="SettingsSource"/>, one concern at a time, and validates
/// them as it goes: the CLI and the Functions app call it first thing at start-up, so a bad value stops them before
/// anything runs, with an <see cref="InvalidSettingException"/> naming the setting.
/// </summary>
public static class HostSettingsBinder
{
    /// <summary>The most nodes <c>QF_MAX_PARALLELISM</c> may allow at once.</summary>
    public const int MaxParallelismLimit = 256;

    /// <summary>The protocols the .NET OTLP exporter speaks.</summary>
    public static readonly IReadOnlyList<string> OtlpProtocols = ["grpc", "http/protobuf"];

    /// <summary>The settings that turn OTLP export on; each must be an absolute http(s) URI.</summary>
    public static readonly IReadOnlyList<string> OtlpEndpointSettings = [SettingNames.OtlpEndpoint, SettingNames.OtlpTracesEndpoint, SettingNames.OtlpMetricsEndpoint];

    /// <summary>The OTLP protocol settings; each must be one of <see cref="OtlpProtocols"/>.</summary>
    public static readonly IReadOnlyList<string> OtlpProtocolSettings = [SettingNames.OtlpProtocol, SettingNames.OtlpTracesProtocol, SettingNames.OtlpMetricsProtocol];

    /// <summary>The default of <c>QF_MAX_PARALLELISM</c>: the processor count (at most <see cref="MaxParallelismLimit"/>).</summary>
    public static int DefaultMaxParallelism => Math.Clamp(Environment.ProcessorCount, 1, MaxParallelismLimit);

    /// <summary>Binds every shared setting.</summary>
    /// <param name="source">The settings.</param>
    /// <param name="defaultLakeRoot">The file lake's folder when <c>QF_LAKE_ROOT</c> is not set.</param>
    /// <param name="credential">Used instead of the credential the storage settings select (identity-based forms only).</param>
    /// <exception cref="InvalidSettingException">A setting is invalid; it names the setting.</exception>
    public static HostSettings Bind(SettingsSource source, string defaultLakeRoot, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new HostSettings
        {
            Lake = BindLake(source, defaultLakeRoot, credential),
            MaxParallelism = BindMaxParallelism(source),
            GitSha = source.Get(SettingNames.GitSha),
            OutboundHttp = BindOutboundHttp(source),
            Telemetry = BindTelemetry(source),
        };
    }

    /// <summary>
    /// The lake: <c>QF_LAKE</c> (<c>file</c>, the default, or <c>blob</c>), <c>QF_LAKE_ROOT</c> (default
    /// <paramref name="defaultRoot"/>), <c>QF_LAKE_CONTAINER</c> (default <c>lake</c>) and, for a blob lake, the connection
    /// <c>QF_STORAGE_CONNECTION</c>, else <c>AzureWebJobsStorage</c> (any form of <see cref="StorageConnection.ResolveLake"/>).
    /// </summary>
    /// <exception cref="InvalidSettingException"><c>QF_LAKE</c> is neither <c>file</c> nor <c>blob</c>, or a blob lake has no (valid) connection.</exception>
    public static LakeSettings BindLake(SettingsSource source, string defaultRoot, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultRoot);
        string kind = source.GetChoice(SettingNames.Lake, LakeSettings.FileKind, LakeSettings.FileKind, LakeSettings.BlobKind);
        string root = source.GetPath(SettingNames.LakeRoot, defaultRoot);
        string container = source.Get(SettingNames.LakeContainer) ?? LakeSettings.DefaultContainer;
        StorageConnection? storage = null;
        if (kind == LakeSettings.BlobKind)
        {
            try
            {
                storage = StorageConnection.ResolveLake(source.Get, credential);
            }
            catch (ArgumentException ex)
            {
                throw new InvalidSettingException(SettingNames.StorageConnection, $"{SettingNames.Lake}=blob needs a valid storage connection. {ex.Message}", ex);
            }
        }

        return new LakeSettings(kind, root, storage, container);
    }

    /// <summary><c>QF_MAX_PARALLELISM</c>: 1 to 256, default <see cref="DefaultMaxParallelism"/>.</summary>
    /// <exception cref="InvalidSettingException">Not an integer from 1 to 256.</exception>
    public static int BindMaxParallelism(SettingsSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.GetInt(SettingNames.MaxParallelism, DefaultMaxParallelism, 1, MaxParallelismLimit);
    }

    /// <summary>
    /// The outbound HTTP limits: <c>QF_HTTP_ATTEMPT_TIMEOUT</c> and <c>QF_HTTP_STAGE_DEADLINE</c> (seconds),
    /// <c>QF_HTTP_MAX_RESPONSE_BYTES</c>, <c>QF_HTTP_MAX_PAGES</c>; unset ones keep the defaults of <see cref="OutboundHttpOptions"/>.
    /// </summary>
    /// <exception cref="InvalidSettingException">A value is not a whole number, or out of its range.</exception>
    public static OutboundHttpOptions BindOutboundHttp(SettingsSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var defaults = new OutboundHttpOptions();
        TimeSpan? attemptTimeout = Seconds(source, SettingNames.HttpAttemptTimeout);
        TimeSpan? stageDeadline = Seconds(source, SettingNames.HttpStageDeadline);
        long? maxResponseBytes = WholeNumber(source, SettingNames.HttpMaxResponseBytes);
        long? maxPages = WholeNumber(source, SettingNames.HttpMaxPages);
        try
        {
            // The options check their own ranges when set.
            return defaults with
            {
                AttemptTimeout = attemptTimeout ?? defaults.AttemptTimeout,
                StageDeadline = stageDeadline ?? defaults.StageDeadline,
                MaxResponseBytes = maxResponseBytes ?? defaults.MaxResponseBytes,
                MaxPages = (int?)maxPages ?? defaults.MaxPages,
            };
        }
        catch (ArgumentOutOfRangeException ex)
        {
            string setting = ex.ParamName switch
            {
                nameof(OutboundHttpOptions.AttemptTimeout) => SettingNames.HttpAttemptTimeout,
                nameof(OutboundHttpOptions.StageDeadline) => SettingNames.HttpStageDeadline,
                nameof(OutboundHttpOptions.MaxResponseBytes) => SettingNames.HttpMaxResponseBytes,
                _ => SettingNames.HttpMaxPages,
            };
            throw new InvalidSettingException(setting, $"{setting} is out of range: {ex.Message}", ex);
        }
    }

    /// <summary>OTLP export: on when any of <see cref="OtlpEndpointSettings"/> is set.</summary>
    /// <exception cref="InvalidSettingException">An endpoint is not an absolute http(s) URI, or a protocol is not one of <see cref="OtlpProtocols"/>.</exception>
    public static TelemetrySettings BindTelemetry(SettingsSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        bool export = false;
        Uri? endpoint = null;
        foreach (string name in OtlpEndpointSettings)
        {
            Uri? uri = source.GetHttpUri(name);
            export |= uri is not null;
            endpoint = name == SettingNames.OtlpEndpoint ? uri : endpoint;
        }

        foreach (string name in OtlpProtocolSettings)
        {
            if (source.Get(name) is { } protocol && !OtlpProtocols.Contains(protocol, StringComparer.Ordinal))
            {
                throw new InvalidSettingException(name, $"{name} '{protocol}' is not supported: use {string.Join(" or ", OtlpProtocols.Select(p => $"'{p}'"))}.");
            }
        }

        return export ? new TelemetrySettings(true, endpoint) : TelemetrySettings.None;
    }

    private static TimeSpan? Seconds(SettingsSource source, string name) =>
        WholeNumber(source, name) is long seconds ? TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.FromDays(2).TotalSeconds)) : null;

    private static long? WholeNumber(SettingsSource source, string name)
    {
        string? text = source.Get(name);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value <= int.MaxValue
            ? value
            : throw new InvalidSettingException(name, $"{name} must be a whole number up to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}, not '{text}'.");
    }
}
