namespace QuantFunctions.Functions.Configuration;

/// <summary>The app settings (environment variables) the Functions app reads; error messages name them.</summary>
public static class SettingNames
{
    /// <summary>The folder of the shipped manifests (<c>{scope}/{pipeline}/version={v}/manifest.json</c>).</summary>
    public const string ManifestsRoot = "QF_MANIFESTS_ROOT";

    /// <summary>The largest request body accepted, in bytes.</summary>
    public const string MaxRequestBytes = "QF_MAX_REQUEST_BYTES";

    /// <summary>The NCRONTAB of the <c>DataOpsTimer</c> trigger itself (a binding expression: <c>%QF_DATAOPS_TIMER%</c>).</summary>
    public const string DataOpsTimer = "QF_DATAOPS_TIMER";

    /// <summary>A six-field NCRONTAB that replaces the manifests' schedules for <see cref="DataOpsPipelines"/>.</summary>
    public const string DataOpsSchedule = "QF_DATAOPS_SCHEDULE";

    /// <summary>Comma-separated data pipeline ids scheduled by <see cref="DataOpsSchedule"/>.</summary>
    public const string DataOpsPipelines = "QF_DATAOPS_PIPELINES";

    /// <summary>The code version recorded in each run's <c>run.json</c>.</summary>
    public const string GitSha = "QF_GIT_SHA";

    /// <summary>Nodes the local runner of a stage execution may run at once (node executor options).</summary>
    public const string MaxParallelism = "QF_MAX_PARALLELISM";

    /// <summary>The OTLP endpoint; when set, the worker exports traces and metrics there.</summary>
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
}
