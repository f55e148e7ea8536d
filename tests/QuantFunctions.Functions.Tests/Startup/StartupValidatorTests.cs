using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuantFunctions.Core.Errors;
using QuantFunctions.Functions.Catalog;
using QuantFunctions.Functions.Configuration;
using QuantFunctions.Functions.Startup;
using QuantFunctions.Functions.Tests.Support;
using QuantFunctions.Hosting.Settings;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Testing;

namespace QuantFunctions.Functions.Tests.Startup;

/// <summary>A broken deployment stops start-up with an error naming the setting or path.</summary>
public sealed class StartupValidatorTests
{
    private const string ValidManifest = """
        { "id": "tiny", "version": "1.0.0", "scope": "demo", "kind": "data",
          "nodes": [ { "id": "dataops.synthetic_market", "stage": "dataops.synthetic_market" } ] }
        """;

    [Fact]
    public void LoadCatalog_MissingFolder_FailsNamingThePathAndSetting()
    {
        using var dir = new TempDirectory();
        string missing = dir.Combine("no-manifests-here");

        var ex = Assert.Throws<StartupValidationException>(() => StartupValidator.LoadCatalog(missing, ShippedCatalog.Loader()));
        Assert.Equal(ErrorCodes.InvalidSettings, ex.Code);

        Assert.Equal(SettingNames.ManifestsRoot, ex.Setting);
        Assert.Equal(missing, ex.Path);
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
        Assert.IsType<DirectoryNotFoundException>(ex.InnerException);
    }

    [Fact]
    public void LoadCatalog_EmptyFolder_FailsNamingThePath()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine("demo", "nothing"));

        var ex = Assert.Throws<StartupValidationException>(() => StartupValidator.LoadCatalog(dir.Path, ShippedCatalog.Loader()));
        Assert.Equal(ErrorCodes.InvalidSettings, ex.Code);

        Assert.Equal(dir.Path, ex.Path);
        Assert.Contains($"'{dir.Path}' holds no manifest.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadCatalog_OneInvalidManifest_FailsNamingTheFile()
    {
        using var dir = new TempDirectory();
        WriteManifest(dir, "demo", "tiny", ValidManifest);
        string bad = WriteManifest(dir, "demo", "broken", ValidManifest.Replace("\"tiny\"", "\"broken\"", StringComparison.Ordinal).Replace("\"dataops.synthetic_market\" }", "\"no.such_stage\" }", StringComparison.Ordinal));

        var ex = Assert.Throws<StartupValidationException>(() => StartupValidator.LoadCatalog(dir.Path, ShippedCatalog.Loader()));
        Assert.Equal(ErrorCodes.InvalidSettings, ex.Code);

        Assert.Equal(bad, ex.Path);
        Assert.Contains(bad, ex.Message, StringComparison.Ordinal);
        Assert.Contains("no.such_stage", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadCatalog_ManifestNotJson_FailsNamingTheFile()
    {
        using var dir = new TempDirectory();
        string bad = WriteManifest(dir, "demo", "tiny", "{ not json");

        var ex = Assert.Throws<StartupValidationException>(() => StartupValidator.LoadCatalog(dir.Path, ShippedCatalog.Loader()));
        Assert.Equal(ErrorCodes.InvalidSettings, ex.Code);

        Assert.Contains(bad, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadCatalog_ShippedManifests_EveryPipelineAtItsHighestVersion()
    {
        PipelineCatalog catalog = ShippedCatalog.Load();

        Assert.Equal(["dataops", "dataops_crypto_spot", "dataops_us_equity", "market_neutral", "meta", "paper", "paper_resume", "selection_v21", "selection_v32", "selection_v4", "selection_v5", "selection_v51", "sleeve", "sleeve_us_equity", "tournament"], catalog.Ids);
        Assert.Equal(Path.GetFullPath(ShippedCatalog.ManifestsRoot), catalog.Root);
    }

    [Fact]
    public void ReadSettings_Defaults_ManifestsBesideTheAppAndAFileLake()
    {
        FunctionsSettings settings = StartupValidator.ReadSettings(Configuration(new() { ["QF_DATAOPS_TIMER"] = "0 * * * * *", ["QF_PAPER_TIMER"] = "0 30 0 * * *" }));

        // The build copies manifests/ next to the app: `dotnet run --project` and the published app find the same folder.
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "manifests"), settings.ManifestsRoot);
        Assert.True(File.Exists(Path.Combine(settings.ManifestsRoot, "demo", "dataops", "version=1.0.0", "manifest.json")));
        Assert.Equal("file", settings.Lake.Kind);
        Assert.Equal(FunctionsSettings.DefaultMaxRequestBytes, settings.MaxRequestBytes);
        Assert.Equal(["dataops"], settings.DataOpsPipelines);
        Assert.Null(settings.DataOpsSchedule);
        Assert.Null(settings.OtlpEndpoint);
    }

    [Fact]
    public void ReadSettings_AllSet_Bound()
    {
        FunctionsSettings settings = StartupValidator.ReadSettings(Configuration(new()
        {
            ["QF_DATAOPS_TIMER"] = "0 */5 * * * *",
            ["QF_PAPER_TIMER"] = "0 30 0 * * *",
            ["QF_MANIFESTS_ROOT"] = "/srv/manifests",
            ["QF_MAX_REQUEST_BYTES"] = "1024",
            ["QF_DATAOPS_SCHEDULE"] = "0 0 6 * * *",
            ["QF_DATAOPS_PIPELINES"] = "dataops, dataops_crypto_spot",
            ["QF_GIT_SHA"] = "abc123",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector:4317",
            ["QF_LAKE"] = "blob",
            ["QF_STORAGE_CONNECTION"] = "UseDevelopmentStorage=true",
            ["QF_LAKE_CONTAINER"] = "lake2",
            ["QF_HTTP_ATTEMPT_TIMEOUT"] = "10",
            ["QF_HTTP_STAGE_DEADLINE"] = "600",
            ["QF_HTTP_MAX_RESPONSE_BYTES"] = "1048576",
            ["QF_HTTP_MAX_PAGES"] = "7",
        }));

        Assert.Equal("/srv/manifests", settings.ManifestsRoot);
        Assert.Equal(1024, settings.MaxRequestBytes);
        Assert.Equal(["dataops", "dataops_crypto_spot"], settings.DataOpsPipelines);
        Assert.Equal(("0 0 6 * * *", "abc123"), (settings.DataOpsSchedule, settings.GitSha));
        Assert.Equal(new Uri("http://collector:4317"), settings.OtlpEndpoint);
        Assert.Equal(("blob", "lake2", "QF_STORAGE_CONNECTION"), (settings.Lake.Kind, settings.Lake.Container, settings.Lake.Storage!.Name));
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(10), 1_048_576L, 7),
            (settings.OutboundHttp.AttemptTimeout, settings.OutboundHttp.StageDeadline, settings.OutboundHttp.MaxResponseBytes, settings.OutboundHttp.MaxPages));
    }

    [Fact]
    public void ReadSettings_IdentityBasedLakeConnection_AsTheHostPassesIt()
    {
        // The Functions host passes QF_STORAGE_CONNECTION__accountName; IConfiguration sees it as QF_STORAGE_CONNECTION:accountName.
        FunctionsSettings settings = StartupValidator.ReadSettings(Configuration(new()
        {
            ["QF_DATAOPS_TIMER"] = "0 * * * * *", ["QF_PAPER_TIMER"] = "0 30 0 * * *",
            ["QF_LAKE"] = "blob",
            ["QF_STORAGE_CONNECTION:accountName"] = "qfstorage",
            ["QF_STORAGE_CONNECTION:credential"] = "managedidentity",
        }));

        Assert.Equal(new Uri("https://qfstorage.blob.core.windows.net"), new Uri(settings.Lake.Storage!.BlobServiceUri.GetLeftPart(UriPartial.Authority)));
    }

    [Theory]
    [InlineData("QF_MAX_REQUEST_BYTES", "lots", "QF_MAX_REQUEST_BYTES must be an integer")]
    [InlineData("QF_MAX_REQUEST_BYTES", "10", "QF_MAX_REQUEST_BYTES must be from 256")]
    [InlineData("QF_MAX_PARALLELISM", "0", "QF_MAX_PARALLELISM must be from 1")]
    [InlineData("QF_DATAOPS_TIMER", "", "QF_DATAOPS_TIMER must be set")]
    [InlineData("QF_DATAOPS_TIMER", "every minute", "QF_DATAOPS_TIMER is not a valid schedule")]
    [InlineData("QF_PAPER_TIMER", "", "QF_PAPER_TIMER must be set")]
    [InlineData("QF_PAPER_TIMER", "30 0 * * *", "QF_PAPER_TIMER is not a valid schedule")]
    [InlineData("QF_PAPER_TIMER", "1.00:00:00", "QF_PAPER_TIMER must be a six-field NCRONTAB")]
    [InlineData("QF_DATAOPS_SCHEDULE", "0 99 * * * *", "QF_DATAOPS_SCHEDULE is not a valid schedule")]
    [InlineData("QF_DATAOPS_SCHEDULE", "00:05:00", "QF_DATAOPS_SCHEDULE must be a six-field NCRONTAB")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317/x y", "OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute http(s) URI")]
    [InlineData("QF_LAKE", "ftp", "QF_LAKE must be 'file' or 'blob'")]
    [InlineData("QF_HTTP_ATTEMPT_TIMEOUT", "0", "QF_HTTP_ATTEMPT_TIMEOUT is out of range")]
    [InlineData("QF_HTTP_STAGE_DEADLINE", "soon", "QF_HTTP_STAGE_DEADLINE must be a whole number")]
    [InlineData("QF_HTTP_MAX_RESPONSE_BYTES", "10", "QF_HTTP_MAX_RESPONSE_BYTES is out of range")]
    [InlineData("QF_HTTP_MAX_PAGES", "-1", "QF_HTTP_MAX_PAGES must be a whole number")]
    public void ReadSettings_BadSetting_FailsNamingIt(string name, string value, string message)
    {
        var values = new Dictionary<string, string?> { ["QF_DATAOPS_TIMER"] = "0 * * * * *", ["QF_PAPER_TIMER"] = "0 30 0 * * *", [name] = value };

        var ex = Assert.Throws<StartupValidationException>(() => StartupValidator.ReadSettings(Configuration(values)));
        Assert.Equal(ErrorCodes.InvalidSettings, ex.Code);

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Setting);
    }

    [Fact]
    public void ReadSettings_BlobLakeWithoutConnection_FailsNamingTheConnectionSettings()
    {
        var ex = Assert.Throws<StartupValidationException>(() => StartupValidator.ReadSettings(Configuration(new() { ["QF_DATAOPS_TIMER"] = "0 * * * * *", ["QF_PAPER_TIMER"] = "0 30 0 * * *", ["QF_LAKE"] = "blob" })));
        Assert.Equal(ErrorCodes.InvalidSettings, ex.Code);

        Assert.Contains("QF_STORAGE_CONNECTION", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateServices_ManifestsFolderEmpty_FailsBeforeServingNamingThePath()
    {
        using var lakeDir = new TempDirectory();
        using var empty = new TempDirectory();
        FunctionsSettings settings = FunctionsHarness.Settings(lakeDir.Path, s => s with { ManifestsRoot = empty.Path });
        using ServiceProvider services = new ServiceCollection().AddLogging().AddQuantFunctions(settings, new FileSystemLakeStore(lakeDir.Path)).BuildServiceProvider();

        var ex = Assert.Throws<StartupValidationException>(() => StartupValidator.ValidateServices(services));
        Assert.Equal(ErrorCodes.InvalidSettings, ex.Code);

        Assert.Equal(empty.Path, ex.Path);
    }

    [Fact]
    public async Task OpenLake_BlobLakeUnreachable_FailsNamingTheConnection()
    {
        // A loopback port nobody listens on: the container cannot be created.
        FunctionsSettings settings = StartupValidator.ReadSettings(Configuration(new()
        {
            ["QF_DATAOPS_TIMER"] = "0 * * * * *", ["QF_PAPER_TIMER"] = "0 30 0 * * *",
            ["QF_LAKE"] = "blob",
            ["QF_STORAGE_CONNECTION"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;",
        }));
        BlobClientOptions noRetries = BlobServiceClientFactory.CreateOptions();
        noRetries.Retry.MaxRetries = 0;

        var ex = await Assert.ThrowsAsync<StartupValidationException>(() => StartupValidator.OpenLakeAsync(settings.Lake, noRetries));
        Assert.Equal(ErrorCodes.InvalidSettings, ex.Code);

        Assert.Equal("QF_STORAGE_CONNECTION", ex.Setting);
        Assert.Contains("blob container 'lake'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", ex.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static string WriteManifest(TempDirectory dir, string scope, string id, string json)
    {
        string folder = dir.Combine(scope, id, "version=1.0.0");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "manifest.json");
        File.WriteAllText(path, json);
        return path;
    }
}
