using System.Globalization;

namespace QuantFunctions.Host.Configuration;

/// <summary>Maps the environment-style keys (QF_*) of configuration onto <see cref="HostSettings"/>.</summary>
public static class HostSettingsBinder
{
    /// <summary>Binds the settings from configuration.</summary>
    public static void Bind(IConfiguration configuration, HostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Lake = configuration["QF_LAKE"] ?? settings.Lake;
        settings.LakeRoot = Path.GetFullPath(configuration["QF_LAKE_ROOT"] ?? settings.LakeRoot);
        settings.StorageConnection = NonEmpty(configuration["QF_STORAGE_CONNECTION"]) ?? NonEmpty(configuration["AzureWebJobsStorage"]);
        settings.LakeContainer = configuration["QF_LAKE_CONTAINER"] ?? settings.LakeContainer;
        // Under the Functions host the handler runs in app/ and the manifests ship beside host.json (FUNCTIONS_APP_ROOT_PATH).
        string? appRoot = NonEmpty(configuration["FUNCTIONS_APP_ROOT_PATH"]);
        string defaultManifests = appRoot is null ? settings.ManifestsRoot : Path.Combine(appRoot, "manifests");
        settings.ManifestsRoot = Path.GetFullPath(configuration["QF_MANIFESTS_ROOT"] ?? defaultManifests);
        settings.Runner = NonEmpty(configuration["QF_RUNNER"]) ?? settings.Runner;
        if (configuration["QF_MAX_PARALLELISM"] is { Length: > 0 } parallelism)
        {
            settings.MaxParallelism = int.TryParse(parallelism, NumberStyles.Integer, CultureInfo.InvariantCulture, out int p) ? p : -1;
        }

        settings.DataOpsSchedule = NonEmpty(configuration["QF_DATAOPS_SCHEDULE"]);
        settings.DataOpsPipelines = configuration["QF_DATAOPS_PIPELINES"] ?? settings.DataOpsPipelines;
        if (configuration["QF_MAX_REQUEST_BYTES"] is { Length: > 0 } bytes)
        {
            settings.MaxRequestBytes = int.TryParse(bytes, NumberStyles.Integer, CultureInfo.InvariantCulture, out int b) ? b : -1;
        }

        settings.CustomHandlerPort = NonEmpty(configuration["FUNCTIONS_CUSTOMHANDLER_PORT"]);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
