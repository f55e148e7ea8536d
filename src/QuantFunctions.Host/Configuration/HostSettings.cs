using System.ComponentModel.DataAnnotations;

namespace QuantFunctions.Host.Configuration;

/// <summary>
/// The Host's configuration (environment variables / app settings, validated at start-up):
/// where the lake is, where manifests are, where runs execute, how many nodes run at once, the DataOps timer.
/// </summary>
public sealed class HostSettings : IValidatableObject
{
    /// <summary>The <see cref="Runner"/> that executes runs in the Host process.</summary>
    public const string LocalRunner = "local";

    /// <summary>The <see cref="Runner"/> that records runs and enqueues their nodes for the <c>ExecuteNode</c> workers.</summary>
    public const string QueueRunner = "queue";

    /// <summary>QF_LAKE: <c>file</c> (default) or <c>blob</c>.</summary>
    [Required]
    [RegularExpression("^(file|blob)$", ErrorMessage = "QF_LAKE must be 'file' or 'blob'.")]
    public string Lake { get; set; } = "file";

    /// <summary>QF_LAKE_ROOT: the folder of a file lake (default <c>./lake</c>).</summary>
    [Required]
    public string LakeRoot { get; set; } = "lake";

    /// <summary>QF_STORAGE_CONNECTION, else AzureWebJobsStorage: the blob lake's connection string.</summary>
    public string? StorageConnection { get; set; }

    /// <summary>QF_LAKE_CONTAINER: the blob container of the lake.</summary>
    [Required]
    public string LakeContainer { get; set; } = "lake";

    /// <summary>QF_MANIFESTS_ROOT: the folder of shipped manifests (<c>{scope}/{pipeline}/version={v}/manifest.json</c>); default <c>./manifests</c>, or <c>$FUNCTIONS_APP_ROOT_PATH/manifests</c> under the Functions host.</summary>
    [Required]
    public string ManifestsRoot { get; set; } = "manifests";

    /// <summary>
    /// QF_RUNNER: <c>local</c> (default; runs started over HTTP or by the timer execute in this process) or <c>queue</c>
    /// (they are recorded and their nodes enqueued on QF_WORK_QUEUE; <c>ExecuteNode</c> runs them on any instance).
    /// </summary>
    [Required]
    [RegularExpression("^(local|queue)$", ErrorMessage = "QF_RUNNER must be 'local' or 'queue'.")]
    public string Runner { get; set; } = LocalRunner;

    /// <summary>True when runs go on the storage queue (<see cref="Runner"/> is <c>queue</c>).</summary>
    public bool UsesQueue => Runner == QueueRunner;

    /// <summary>QF_MAX_PARALLELISM: nodes run at once.</summary>
    [Range(1, 256)]
    public int MaxParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>QF_DATAOPS_SCHEDULE: six-field NCRONTAB of the DataOps timer; empty disables it.</summary>
    public string? DataOpsSchedule { get; set; }

    /// <summary>QF_DATAOPS_PIPELINES: comma-separated pipeline ids the timer starts (default <c>dataops</c>).</summary>
    public string DataOpsPipelines { get; set; } = "dataops";

    /// <summary>QF_MAX_REQUEST_BYTES: the largest request body accepted.</summary>
    [Range(256, 10_000_000)]
    public int MaxRequestBytes { get; set; } = 65_536;

    /// <summary>FUNCTIONS_CUSTOMHANDLER_PORT: set by the Functions host; then the timer is the host's, not ours.</summary>
    public string? CustomHandlerPort { get; set; }

    /// <summary>Cross-setting rules: the queue runner needs the blob lake and a storage connection string.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UsesQueue && (Lake != "blob" || StorageConnection is null))
        {
            yield return new ValidationResult(
                $"QF_RUNNER=queue needs QF_LAKE=blob (got '{Lake}') and a storage connection string (QF_STORAGE_CONNECTION or AzureWebJobsStorage{(StorageConnection is null ? ", not set" : string.Empty)}): the queue runner coordinates workers with blob leases.",
                [nameof(Runner), nameof(Lake), nameof(StorageConnection)]);
        }
    }
}
