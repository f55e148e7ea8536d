using System.ComponentModel.DataAnnotations;
using QuantFunctions.Core.Scheduling;
using QuantFunctions.Hosting.Settings;
using QuantFunctions.DataOps.Providers;

namespace QuantFunctions.Functions.Configuration;

/// <summary>
/// The Functions app's settings, read from app settings / environment variables at start-up
/// (<see cref="Startup.StartupValidator.ReadSettings"/>) and validated before anything is served: every error names its setting.
/// The settings the app shares with the CLI (<see cref="Host"/>) are bound by <see cref="HostSettingsBinder"/>, by the same
/// names and rules.
/// </summary>
public sealed record FunctionsSettings : IValidatableObject
{
    /// <summary>The default of <see cref="MaxRequestBytes"/>.</summary>
    public const int DefaultMaxRequestBytes = 65_536;

    /// <summary>The smallest <see cref="MaxRequestBytes"/> allowed.</summary>
    public const int MinRequestBytes = 256;

    /// <summary>The largest <see cref="MaxRequestBytes"/> allowed.</summary>
    public const int MaxRequestBytesLimit = 10_000_000;

    /// <summary>The default of <see cref="DataOpsPipelines"/> when <see cref="DataOpsSchedule"/> is set.</summary>
    public const string DefaultDataOpsPipelines = "dataops";

    /// <summary>The settings shared with the CLI: the lake, <c>QF_MAX_PARALLELISM</c>, <c>QF_GIT_SHA</c>, <c>QF_HTTP_*</c>, OTLP export.</summary>
    [Required]
    public required HostSettings Host { get; init; }

    /// <summary>Where the lake lives (<c>QF_LAKE</c>, <c>QF_LAKE_ROOT</c>, <c>QF_LAKE_CONTAINER</c>, the <c>QF_STORAGE_CONNECTION</c> connection).</summary>
    public LakeSettings Lake => Host.Lake;

    /// <summary><c>QF_MANIFESTS_ROOT</c>: the folder of shipped manifests, absolute.</summary>
    /// <value>Default <c>{AppContext.BaseDirectory}/manifests</c>, where the build and publish copy <c>manifests/</c>.</value>
    [Required(ErrorMessage = SettingNames.ManifestsRoot + " must name the manifests folder.")]
    public required string ManifestsRoot { get; init; }

    /// <summary><c>QF_MAX_REQUEST_BYTES</c>: the largest request body accepted.</summary>
    /// <value>Default 65536.</value>
    [Range(MinRequestBytes, MaxRequestBytesLimit, ErrorMessage = SettingNames.MaxRequestBytes + " must be from 256 to 10000000 bytes.")]
    public int MaxRequestBytes { get; init; } = DefaultMaxRequestBytes;

    /// <summary><c>QF_MAX_PARALLELISM</c>: nodes the node executor's runner options allow at once (Durable's own concurrency is host.json's).</summary>
    /// <value>Default: the processor count.</value>
    [Range(1, HostSettingsBinder.MaxParallelismLimit, ErrorMessage = SettingNames.MaxParallelism + " must be from 1 to 256.")]
    public int MaxParallelism => Host.MaxParallelism;

    /// <summary><c>QF_DATAOPS_TIMER</c>: the timer trigger's own schedule (six-field NCRONTAB); the host resolves it, the app checks it is set.</summary>
    [Required(ErrorMessage = SettingNames.DataOpsTimer + " must be set: it is the DataOpsTimer trigger's schedule (six-field NCRONTAB, e.g. '0 * * * * *').")]
    public required string DataOpsTimer { get; init; }

    /// <summary>
    /// <c>QF_PAPER_TIMER</c>: the paper timer's schedule, a six-field NCRONTAB (not a time span: occurrences are computed
    /// from it). Each occurrence starts the chain of the trading day that closed before it (DataOps → meta → paper).
    /// </summary>
    [Required(ErrorMessage = SettingNames.PaperTimer + " must be set: it is the PaperTimer trigger's schedule (six-field NCRONTAB, e.g. '0 30 0 * * *').")]
    public required string PaperTimer { get; init; }

    /// <summary><c>QF_DATAOPS_SCHEDULE</c>: when set, a six-field NCRONTAB that replaces the manifest schedules of <see cref="DataOpsPipelines"/>.</summary>
    public string? DataOpsSchedule { get; init; }

    /// <summary><c>QF_DATAOPS_PIPELINES</c>: the data pipelines <see cref="DataOpsSchedule"/> schedules.</summary>
    /// <value>Default <c>dataops</c>.</value>
    public IReadOnlyList<string> DataOpsPipelines { get; init; } = [DefaultDataOpsPipelines];

    /// <summary><c>QF_GIT_SHA</c>: the code version recorded in <c>run.json</c>, when known.</summary>
    public string? GitSha => Host.GitSha;

    /// <summary><c>QF_HTTP_ATTEMPT_TIMEOUT</c>, <c>QF_HTTP_STAGE_DEADLINE</c>, <c>QF_HTTP_MAX_RESPONSE_BYTES</c>, <c>QF_HTTP_MAX_PAGES</c>: the limits of outbound market data HTTP.</summary>
    public OutboundHttpOptions OutboundHttp => Host.OutboundHttp;

    /// <summary><c>OTEL_EXPORTER_OTLP_ENDPOINT</c>: the OTLP base endpoint, when set (see <see cref="HostSettings.Telemetry"/> for per-signal endpoints).</summary>
    public Uri? OtlpEndpoint => Host.Telemetry.Endpoint;

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var errors = new List<ValidationResult>();
        foreach ((string name, string? expression) in new[] { (SettingNames.DataOpsTimer, (string?)DataOpsTimer), (SettingNames.PaperTimer, PaperTimer), (SettingNames.DataOpsSchedule, DataOpsSchedule) })
        {
            if (!string.IsNullOrWhiteSpace(expression) && !IsTimeSpan(expression))
            {
                try
                {
                    NCrontabSchedule.Parse(expression);
                }
                catch (FormatException ex)
                {
                    errors.Add(new ValidationResult($"{name} is not a valid schedule: {ex.Message}", [name]));
                }
            }
        }

        if (DataOpsSchedule is not null && IsTimeSpan(DataOpsSchedule))
        {
            errors.Add(new ValidationResult($"{SettingNames.DataOpsSchedule} must be a six-field NCRONTAB, not a time span ('{DataOpsSchedule}').", [SettingNames.DataOpsSchedule]));
        }

        if (!string.IsNullOrWhiteSpace(PaperTimer) && IsTimeSpan(PaperTimer))
        {
            errors.Add(new ValidationResult($"{SettingNames.PaperTimer} must be a six-field NCRONTAB, not a time span ('{PaperTimer}').", [SettingNames.PaperTimer]));
        }

        if (DataOpsSchedule is not null && DataOpsPipelines.Count == 0)
        {
            errors.Add(new ValidationResult($"{SettingNames.DataOpsPipelines} names no pipeline for {SettingNames.DataOpsSchedule}.", [SettingNames.DataOpsPipelines]));
        }

        if (OtlpEndpoint is { IsAbsoluteUri: false })
        {
            errors.Add(new ValidationResult($"{SettingNames.OtlpEndpoint} must be an absolute URI.", [SettingNames.OtlpEndpoint]));
        }

        return errors;
    }

    // The Functions timer also accepts a TimeSpan ("00:05:00") as its schedule.
    private static bool IsTimeSpan(string expression) =>
        !expression.Contains(' ', StringComparison.Ordinal) && TimeSpan.TryParse(expression, System.Globalization.CultureInfo.InvariantCulture, out _);
}
