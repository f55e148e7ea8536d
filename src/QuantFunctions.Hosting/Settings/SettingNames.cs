using QuantFunctions.DataOps.Providers;

namespace QuantFunctions.Hosting.Settings;

/// <summary>The settings (environment variables, app settings) the front ends read; every error names one of them.</summary>
public static class SettingNames
{
    /// <summary><c>file</c> (a folder, the default) or <c>blob</c> (a Blob Storage container).</summary>
    public const string Lake = "QF_LAKE";

    /// <summary>The folder of a file lake.</summary>
    public const string LakeRoot = "QF_LAKE_ROOT";

    /// <summary>The blob container of a blob lake.</summary>
    public const string LakeContainer = "QF_LAKE_CONTAINER";

    /// <summary>The blob lake's storage connection (falls back to <see cref="HostStorageConnection"/>).</summary>
    public const string StorageConnection = global::QuantFunctions.Lake.Azure.StorageConnection.LakeConnectionName;

    /// <summary>The Functions host's storage connection, the lake's fallback.</summary>
    public const string HostStorageConnection = global::QuantFunctions.Lake.Azure.StorageConnection.HostConnectionName;

    /// <summary>Nodes the local runner runs at once.</summary>
    public const string MaxParallelism = "QF_MAX_PARALLELISM";

    /// <summary>The code version recorded in each run's <c>run.json</c>.</summary>
    public const string GitSha = "QF_GIT_SHA";

    /// <summary>Where the CLI finds the shipped manifests (the repository root).</summary>
    public const string RepositoryRoot = "QF_REPO_ROOT";

    /// <summary>The folder of the manifests the Functions app serves (<c>{scope}/{pipeline}/version={v}/manifest.json</c>).</summary>
    public const string ManifestsRoot = "QF_MANIFESTS_ROOT";

    /// <summary>The largest request body the Functions app accepts, in bytes.</summary>
    public const string MaxRequestBytes = "QF_MAX_REQUEST_BYTES";

    /// <summary>The NCRONTAB of the <c>DataOpsTimer</c> trigger itself (a binding expression: <c>%QF_DATAOPS_TIMER%</c>).</summary>
    public const string DataOpsTimer = "QF_DATAOPS_TIMER";

    /// <summary>The six-field NCRONTAB of the <c>PaperTimer</c> trigger (<c>%QF_PAPER_TIMER%</c>): each occurrence starts the paper day's chain for the day that closed before it.</summary>
    public const string PaperTimer = "QF_PAPER_TIMER";

    /// <summary>A six-field NCRONTAB that replaces the manifests' schedules for <see cref="DataOpsPipelines"/>.</summary>
    public const string DataOpsSchedule = "QF_DATAOPS_SCHEDULE";

    /// <summary>Comma-separated data pipeline ids scheduled by <see cref="DataOpsSchedule"/>.</summary>
    public const string DataOpsPipelines = "QF_DATAOPS_PIPELINES";

    /// <summary>Seconds one outbound market data HTTP attempt may take.</summary>
    public const string HttpAttemptTimeout = OutboundHttpOptions.AttemptTimeoutSetting;

    /// <summary>Seconds a stage's outbound HTTP may take in all.</summary>
    public const string HttpStageDeadline = OutboundHttpOptions.StageDeadlineSetting;

    /// <summary>The largest outbound HTTP response body accepted, in bytes.</summary>
    public const string HttpMaxResponseBytes = OutboundHttpOptions.MaxResponseBytesSetting;

    /// <summary>The most pages one paginated outbound request may take.</summary>
    public const string HttpMaxPages = OutboundHttpOptions.MaxPagesSetting;

    /// <summary>The OTLP base endpoint; when set, spans and metrics are exported there.</summary>
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The OTLP endpoint of spans only.</summary>
    public const string OtlpTracesEndpoint = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";

    /// <summary>The OTLP endpoint of metrics only.</summary>
    public const string OtlpMetricsEndpoint = "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT";

    /// <summary>The OTLP protocol (<c>grpc</c> or <c>http/protobuf</c>).</summary>
    public const string OtlpProtocol = "OTEL_EXPORTER_OTLP_PROTOCOL";

    /// <summary>The OTLP protocol of spans only.</summary>
    public const string OtlpTracesProtocol = "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL";

    /// <summary>The OTLP protocol of metrics only.</summary>
    public const string OtlpMetricsProtocol = "OTEL_EXPORTER_OTLP_METRICS_PROTOCOL";
}
