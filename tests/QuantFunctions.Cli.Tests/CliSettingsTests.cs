using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Lake.Azure;

namespace QuantFunctions.Cli.Tests;

/// <summary>The blob lake's connection as the CLI reads it from the environment: connection string or identity-based.</summary>
public sealed class CliSettingsTests
{
    private static CliSettings Read(params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return CliSettings.FromEnvironment(environment.GetValueOrDefault);
    }

    [Fact]
    public void FromEnvironment_BlobLakeWithManagedIdentity_ResolvesAccountEndpointAndCredentialWithoutKey()
    {
        CliSettings settings = Read(
            ("QF_LAKE", "blob"), ("QF_LAKE_CONTAINER", "lake2"),
            ("QF_STORAGE_CONNECTION__accountName", "quantlake"), ("QF_STORAGE_CONNECTION__credential", "managedidentity"));

        StorageConnection storage = settings.Lake.Storage!;
        Assert.Equal("lake2", settings.Lake.Container);
        Assert.Equal(StorageAuthentication.ManagedIdentity, storage.Authentication);
        Assert.Equal(new Uri("https://quantlake.blob.core.windows.net/"), storage.BlobServiceUri);
        Assert.Null(storage.ConnectionString);
    }

    [Fact]
    public void FromEnvironment_OutboundHttpLimits_Bound()
    {
        CliSettings settings = Read(("QF_HTTP_ATTEMPT_TIMEOUT", "5"), ("QF_HTTP_MAX_PAGES", "3"));

        Assert.Equal((TimeSpan.FromSeconds(5), 3), (settings.OutboundHttp.AttemptTimeout, settings.OutboundHttp.MaxPages));
        Assert.Equal(16L * 1024 * 1024, settings.OutboundHttp.MaxResponseBytes);
    }

    [Theory]
    [InlineData("QF_HTTP_MAX_PAGES", "many", "QF_HTTP_MAX_PAGES must be a whole number")]
    [InlineData("QF_HTTP_STAGE_DEADLINE", "0", "QF_HTTP_STAGE_DEADLINE is out of range")]
    public void FromEnvironment_BadOutboundHttpLimit_IsUsageErrorNamingIt(string name, string value, string message)
    {
        var ex = Assert.Throws<UsageException>(() => Read((name, value)));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_BlobLakeWithOnlyAzureWebJobsStorage_FallsBackToIt()
    {
        CliSettings settings = Read(("QF_LAKE", "blob"), ("AzureWebJobsStorage", "UseDevelopmentStorage=true"));

        Assert.Equal("AzureWebJobsStorage", settings.Lake.Storage!.Name);
        Assert.Equal(StorageAuthentication.ConnectionString, settings.Lake.Storage.Authentication);
    }

    [Fact]
    public void FromEnvironment_BlobLakeWithoutConnection_IsUsageErrorNamingTheSettings()
    {
        var ex = Assert.Throws<UsageException>(() => Read(("QF_LAKE", "blob")));

        Assert.StartsWith("QF_LAKE=blob needs a valid storage connection. No storage connection for the blob lake: set 'QF_STORAGE_CONNECTION'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'QF_STORAGE_CONNECTION__blobServiceUri'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'AzureWebJobsStorage'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_FileLake_ResolvesNoStorageConnection()
    {
        CliSettings settings = Read(("QF_STORAGE_CONNECTION", "UseDevelopmentStorage=true"));

        Assert.Equal("file", settings.Lake.Kind);
        Assert.Null(settings.Lake.Storage);
    }
}
