using System.Reflection;
using QuantFunctions.Hosting.Settings;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Testing;

namespace QuantFunctions.Hosting.Tests.Settings;

/// <summary>
/// The settings binder both front ends use: every shared setting bound by its name, with its default, and every bad value
/// refused with an <see cref="InvalidSettingException"/> naming the setting.
/// </summary>
public sealed class HostSettingsBinderTests
{
    private const string DefaultRoot = "/srv/default-lake";

    private static HostSettings Bind(params (string Name, string? Value)[] settings)
    {
        var values = settings.ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);
        return HostSettingsBinder.Bind(new SettingsSource(values.GetValueOrDefault), DefaultRoot);
    }

    private static InvalidSettingException Refused(params (string Name, string? Value)[] settings) =>
        Assert.Throws<InvalidSettingException>(() => Bind(settings));

    [Fact]
    public void Bind_NothingSet_Defaults()
    {
        HostSettings settings = Bind();

        Assert.Equal(new LakeSettings(LakeSettings.FileKind, DefaultRoot, null, LakeSettings.DefaultContainer), settings.Lake);
        Assert.Equal(Math.Clamp(Environment.ProcessorCount, 1, 256), settings.MaxParallelism);
        Assert.Null(settings.GitSha);
        Assert.Equal(new DataOps.Providers.OutboundHttpOptions(), settings.OutboundHttp);
        Assert.Equal(TelemetrySettings.None, settings.Telemetry);
    }

    [Fact]
    public void Bind_BlankValues_CountAsUnset()
    {
        HostSettings settings = Bind(("QF_LAKE", ""), ("QF_LAKE_ROOT", "  "), ("QF_LAKE_CONTAINER", ""), ("QF_MAX_PARALLELISM", " "), ("QF_GIT_SHA", "\t"), ("QF_HTTP_MAX_PAGES", ""));

        Assert.Equal(Bind(), settings);
    }

    [Fact]
    public void Bind_EverySharedSettingSet_Bound()
    {
        HostSettings settings = Bind(
            ("QF_LAKE", " Blob "),
            ("QF_LAKE_ROOT", "/srv/lake"),
            ("QF_LAKE_CONTAINER", " lake2 "),
            ("QF_STORAGE_CONNECTION", "UseDevelopmentStorage=true"),
            ("QF_MAX_PARALLELISM", "8"),
            ("QF_GIT_SHA", " abc123 "),
            ("QF_HTTP_ATTEMPT_TIMEOUT", "10"),
            ("QF_HTTP_STAGE_DEADLINE", "600"),
            ("QF_HTTP_MAX_RESPONSE_BYTES", "1048576"),
            ("QF_HTTP_MAX_PAGES", "7"),
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"));

        Assert.Equal((LakeSettings.BlobKind, "/srv/lake", "lake2"), (settings.Lake.Kind, settings.Lake.Root, settings.Lake.Container));
        Assert.Equal(("QF_STORAGE_CONNECTION", StorageAuthentication.ConnectionString), (settings.Lake.Storage!.Name, settings.Lake.Storage.Authentication));
        Assert.Equal((8, "abc123"), (settings.MaxParallelism, settings.GitSha));
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(10), 1_048_576L, 7),
            (settings.OutboundHttp.AttemptTimeout, settings.OutboundHttp.StageDeadline, settings.OutboundHttp.MaxResponseBytes, settings.OutboundHttp.MaxPages));
        Assert.Equal(new TelemetrySettings(true, new Uri("http://collector:4317")), settings.Telemetry);
    }

    [Fact]
    public void BindLake_RelativeRoot_MadeAbsolute()
    {
        LakeSettings lake = Bind(("QF_LAKE_ROOT", "some/lake")).Lake;

        Assert.Equal(Path.GetFullPath("some/lake"), lake.Root);
    }

    [Fact]
    public void BindLake_FileLake_ResolvesNoStorageConnection()
    {
        Assert.Null(Bind(("QF_STORAGE_CONNECTION", "not a connection string")).Lake.Storage);
    }

    [Fact]
    public void BindLake_BlobLakeWithOnlyAzureWebJobsStorage_FallsBackToIt()
    {
        LakeSettings lake = Bind(("QF_LAKE", "blob"), ("AzureWebJobsStorage", "UseDevelopmentStorage=true")).Lake;

        Assert.Equal("AzureWebJobsStorage", lake.Storage!.Name);
    }

    [Fact]
    public void BindLake_BlobLakeWithIdentityConnection_AsTheFunctionsHostPassesIt()
    {
        LakeSettings lake = Bind(("QF_LAKE", "blob"), ("QF_STORAGE_CONNECTION:accountName", "quantlake"), ("QF_STORAGE_CONNECTION:credential", "managedidentity")).Lake;

        Assert.Equal(StorageAuthentication.ManagedIdentity, lake.Storage!.Authentication);
        Assert.Equal(new Uri("https://quantlake.blob.core.windows.net/"), lake.Storage.BlobServiceUri);
    }

    [Fact]
    public void BindLake_BlobLakeWithoutConnection_RefusedNamingTheConnection()
    {
        InvalidSettingException ex = Refused(("QF_LAKE", "blob"));

        Assert.Equal("QF_STORAGE_CONNECTION", ex.Setting);
        Assert.StartsWith("QF_LAKE=blob needs a valid storage connection. No storage connection for the blob lake", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BindLake_BlobLakeWithBadConnectionString_RefusedWithoutEchoingIt()
    {
        InvalidSettingException ex = Refused(("QF_LAKE", "blob"), ("QF_STORAGE_CONNECTION", "AccountKey=secret-key-value;nonsense"));

        Assert.Equal("QF_STORAGE_CONNECTION", ex.Setting);
        Assert.DoesNotContain("secret-key-value", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("QF_LAKE", "ftp", "QF_LAKE must be 'file' or 'blob', not 'ftp'.")]
    [InlineData("QF_MAX_PARALLELISM", "0", "QF_MAX_PARALLELISM must be from 1 to 256, not 0.")]
    [InlineData("QF_MAX_PARALLELISM", "257", "QF_MAX_PARALLELISM must be from 1 to 256, not 257.")]
    [InlineData("QF_MAX_PARALLELISM", "many", "QF_MAX_PARALLELISM must be an integer, not 'many'.")]
    [InlineData("QF_HTTP_ATTEMPT_TIMEOUT", "0", "QF_HTTP_ATTEMPT_TIMEOUT is out of range")]
    [InlineData("QF_HTTP_ATTEMPT_TIMEOUT", "1.5", "QF_HTTP_ATTEMPT_TIMEOUT must be a whole number")]
    [InlineData("QF_HTTP_STAGE_DEADLINE", "0", "QF_HTTP_STAGE_DEADLINE is out of range")]
    [InlineData("QF_HTTP_STAGE_DEADLINE", "soon", "QF_HTTP_STAGE_DEADLINE must be a whole number")]
    [InlineData("QF_HTTP_MAX_RESPONSE_BYTES", "10", "QF_HTTP_MAX_RESPONSE_BYTES is out of range")]
    [InlineData("QF_HTTP_MAX_RESPONSE_BYTES", "99999999999", "QF_HTTP_MAX_RESPONSE_BYTES must be a whole number")]
    [InlineData("QF_HTTP_MAX_PAGES", "0", "QF_HTTP_MAX_PAGES is out of range")]
    [InlineData("QF_HTTP_MAX_PAGES", "-1", "QF_HTTP_MAX_PAGES must be a whole number")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317/x y", "OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute http(s) URI")]
    [InlineData("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "ftp://127.0.0.1/v1/traces", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an absolute http(s) URI")]
    [InlineData("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "/v1/metrics", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT must be an absolute http(s) URI")]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json", "OTEL_EXPORTER_OTLP_PROTOCOL 'http/json' is not supported: use 'grpc' or 'http/protobuf'.")]
    [InlineData("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "udp", "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL 'udp' is not supported")]
    [InlineData("OTEL_EXPORTER_OTLP_METRICS_PROTOCOL", "GRPC", "OTEL_EXPORTER_OTLP_METRICS_PROTOCOL 'GRPC' is not supported")]
    public void Bind_BadValue_RefusedNamingTheSetting(string name, string value, string message)
    {
        InvalidSettingException ex = Refused((name, value));

        Assert.Equal(name, ex.Setting);
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BindTelemetry_PerSignalEndpointOnly_ExportsWithoutABaseEndpoint()
    {
        TelemetrySettings telemetry = Bind(("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:9/v1/traces")).Telemetry;

        Assert.Equal(new TelemetrySettings(true, null), telemetry);
    }

    [Fact]
    public void BindOutboundHttp_HugeSeconds_CappedAtTwoDaysThenRangeChecked()
    {
        InvalidSettingException ex = Refused(("QF_HTTP_STAGE_DEADLINE", "2000000000"));

        Assert.Equal("QF_HTTP_STAGE_DEADLINE", ex.Setting);
    }

    [Fact]
    public void SettingNames_EveryQfSetting_InTheReadmeSettingsTable()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "README.md"));
        string[] names = [.. typeof(SettingNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(n => n.StartsWith("QF_", StringComparison.Ordinal))];

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Contains($"`{name}`", readme, StringComparison.Ordinal));
    }
}
