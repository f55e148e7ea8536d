using System.ComponentModel.DataAnnotations;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuantFunctions.Functions.Catalog;
using QuantFunctions.Functions.Configuration;
using QuantFunctions.Functions.Timers;
using QuantFunctions.Hosting;
using QuantFunctions.Hosting.Settings;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Manifests;

namespace QuantFunctions.Functions.Startup;

/// <summary>
/// The start-up checks of the Functions app, each failing with a <see cref="StartupValidationException"/> that names the
/// setting or path: a broken deployment stops the app before it serves anything, instead of answering with an empty catalog.
/// </summary>
public static class StartupValidator
{
    /// <summary>Reads and validates the settings: the ones shared with the CLI through <see cref="HostSettingsBinder"/>, then the app's own.</summary>
    /// <param name="configuration">App settings and environment variables (identity-based connections as <c>{name}__key</c> or <c>{name}:key</c>).</param>
    /// <exception cref="StartupValidationException">A setting is missing or invalid; the message names it.</exception>
    public static FunctionsSettings ReadSettings(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var source = new SettingsSource(name => configuration[name]);
        FunctionsSettings settings;
        try
        {
            settings = new FunctionsSettings
            {
                Host = HostSettingsBinder.Bind(source, Path.Combine(Directory.GetCurrentDirectory(), "lake")),
                ManifestsRoot = source.GetPath(SettingNames.ManifestsRoot, Path.Combine(AppContext.BaseDirectory, "manifests")),
                MaxRequestBytes = source.GetInt(SettingNames.MaxRequestBytes, FunctionsSettings.DefaultMaxRequestBytes, FunctionsSettings.MinRequestBytes, FunctionsSettings.MaxRequestBytesLimit),
                DataOpsTimer = source.Get(SettingNames.DataOpsTimer)!,
                PaperTimer = source.Get(SettingNames.PaperTimer)!,
                DataOpsSchedule = source.Get(SettingNames.DataOpsSchedule),
                DataOpsPipelines = source.GetList(SettingNames.DataOpsPipelines, FunctionsSettings.DefaultDataOpsPipelines),
            };
        }
        catch (InvalidSettingException ex)
        {
            throw new StartupValidationException(ex.Message, ex) { Setting = ex.Setting };
        }

        Validate(settings);
        return settings;
    }

    /// <summary>Validates settings built in code (data annotations and cross-setting rules).</summary>
    /// <exception cref="StartupValidationException">A setting is invalid; the message names it (all errors, one per line).</exception>
    public static void Validate(FunctionsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true))
        {
            string setting = results.SelectMany(r => r.MemberNames).FirstOrDefault() ?? "settings";
            throw new StartupValidationException("Invalid settings: " + string.Join(" ", results.Select(r => r.ErrorMessage))) { Setting = setting };
        }
    }

    /// <summary>Opens the lake the settings describe (creating the blob container when needed).</summary>
    /// <exception cref="StartupValidationException">The lake cannot be opened (storage unreachable, access denied, bad connection); the message names the lake.</exception>
    public static Task<ILakeStore> OpenLakeAsync(LakeSettings lake, CancellationToken cancellationToken = default) =>
        OpenLakeAsync(lake, blobOptions: null, cancellationToken);

    /// <summary>Opens the lake with explicit Blob client options (retries, transport); null uses the defaults.</summary>
    /// <exception cref="StartupValidationException">The lake cannot be opened (storage unreachable, access denied, bad connection); the message names the lake.</exception>
    public static async Task<ILakeStore> OpenLakeAsync(LakeSettings lake, BlobClientOptions? blobOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lake);
        try
        {
            return await LakeStoreFactory.OpenAsync(lake, blobOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            string setting = lake.Kind == LakeSettings.BlobKind ? lake.Storage?.Name ?? SettingNames.StorageConnection : SettingNames.LakeRoot;
            throw new StartupValidationException($"The lake ({lake}{(lake.Storage is null ? string.Empty : $", connection {lake.Storage}")}) cannot be opened: {ex.Message}", ex)
            {
                Setting = setting,
                Path = lake.Kind == LakeSettings.BlobKind ? null : lake.Root,
            };
        }
    }

    /// <summary>Loads the pipeline catalog: the folder must exist and hold at least one manifest, and every manifest must be valid.</summary>
    /// <param name="root">The manifests folder (<c>QF_MANIFESTS_ROOT</c>).</param>
    /// <param name="loader">Validates the manifests against the stage registry.</param>
    /// <exception cref="StartupValidationException">The folder is missing or empty, or a manifest is invalid; the message names the path.</exception>
    public static PipelineCatalog LoadCatalog(string root, ManifestLoader loader)
    {
        ArgumentNullException.ThrowIfNull(loader);
        try
        {
            return PipelineCatalog.Load(root, loader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ManifestValidationException or InvalidOperationException)
        {
            string path = ex is ManifestValidationException { Errors.Count: > 0 } invalid ? invalid.Errors[0].Source : Path.GetFullPath(root);
            throw new StartupValidationException(
                $"The pipeline catalog cannot be loaded from {SettingNames.ManifestsRoot} '{Path.GetFullPath(root)}': {ex.Message}", ex)
            {
                Setting = SettingNames.ManifestsRoot,
                Path = path,
            };
        }
    }

    /// <summary>Plans the DataOps timer's schedules over the catalog.</summary>
    /// <exception cref="StartupValidationException"><c>QF_DATAOPS_PIPELINES</c> names an unknown or model pipeline, or a schedule is invalid.</exception>
    public static DataOpsSchedules PlanSchedules(FunctionsSettings settings, PipelineCatalog catalog)
    {
        try
        {
            return DataOpsSchedules.Plan(settings, catalog);
        }
        catch (ArgumentException ex)
        {
            throw new StartupValidationException($"The DataOps schedules are invalid: {ex.Message}", ex) { Setting = SettingNames.DataOpsPipelines };
        }
    }

    /// <summary>
    /// Builds the app's singletons now — pipeline runtime, catalog, schedules — so that a bad deployment fails start-up
    /// rather than the first request. Call it on the built host before running it.
    /// </summary>
    /// <exception cref="StartupValidationException">See <see cref="LoadCatalog"/> and <see cref="PlanSchedules"/>.</exception>
    public static void ValidateServices(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetRequiredService<PipelineRuntime>();
        services.GetRequiredService<PipelineCatalog>();
        services.GetRequiredService<DataOpsSchedules>();
    }
}
