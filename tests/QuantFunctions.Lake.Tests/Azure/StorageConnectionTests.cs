using Azure.Core;
using Azure.Identity;
using QuantFunctions.Lake.Azure;

namespace QuantFunctions.Lake.Tests.Azure;

/// <summary>How a connection name resolves, as Azure Functions resolves it: connection string first, then the identity-based forms.</summary>
public sealed class StorageConnectionTests
{
    private static Func<string, string?> Settings(params (string Name, string Value)[] values)
    {
        var map = values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return name => map.GetValueOrDefault(name);
    }

    [Fact]
    public void Resolve_ConnectionStringAndIdentityForms_ConnectionStringWins()
    {
        StorageConnection c = StorageConnection.Resolve("X", Settings(("X", "UseDevelopmentStorage=true"), ("X__accountName", "other"), ("X__credential", "managedidentity")));

        Assert.Equal(StorageAuthentication.ConnectionString, c.Authentication);
        Assert.Equal("UseDevelopmentStorage=true", c.ConnectionString);
        Assert.Equal("devstoreaccount1", c.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), c.BlobServiceUri);
        Assert.Null(c.Credential);
        Assert.Null(c.QueueServiceUri);
    }

    [Fact]
    public void Resolve_AccountName_GivesStandardEndpointsAndDefaultAzureCredential()
    {
        StorageConnection c = StorageConnection.Resolve("X", Settings(("X__accountName", "quantlake")));

        Assert.Equal(StorageAuthentication.DefaultAzureCredential, c.Authentication);
        Assert.IsType<DefaultAzureCredential>(c.Credential);
        Assert.Null(c.ConnectionString);
        Assert.Equal("quantlake", c.AccountName);
        Assert.Equal(new Uri("https://quantlake.blob.core.windows.net/"), c.BlobServiceUri);
        Assert.Equal(new Uri("https://quantlake.queue.core.windows.net/"), c.QueueServiceUri);
        Assert.Equal(new Uri("https://quantlake.table.core.windows.net/"), c.TableServiceUri);
        Assert.Equal("X: https://quantlake.blob.core.windows.net/ (DefaultAzureCredential)", c.ToString());
    }

    [Fact]
    public void Resolve_ManagedIdentityWithClientId_SelectsManagedIdentityCredential()
    {
        StorageConnection c = StorageConnection.Resolve("X", Settings(
            ("X__accountName", "quantlake"), ("X__credential", "managedidentity"), ("X__clientId", "00000000-0000-0000-0000-0000000000aa")));

        Assert.Equal(StorageAuthentication.ManagedIdentity, c.Authentication);
        Assert.IsType<ManagedIdentityCredential>(c.Credential);
        Assert.Equal("00000000-0000-0000-0000-0000000000aa", c.ClientId);
    }

    [Fact]
    public void Resolve_ManagedIdentityWithoutClientId_IsSystemAssigned()
    {
        StorageConnection c = StorageConnection.Resolve("X", Settings(("X__accountName", "quantlake"), ("X__credential", "ManagedIdentity")));

        Assert.Equal(StorageAuthentication.ManagedIdentity, c.Authentication);
        Assert.IsType<ManagedIdentityCredential>(c.Credential);
        Assert.Null(c.ClientId);
    }

    [Fact]
    public void Resolve_BlobServiceUriInConfigurationColonForm_DerivesAccountQueueAndTable()
    {
        // IConfiguration turns the environment variable X__blobServiceUri into the key X:blobServiceUri.
        StorageConnection c = StorageConnection.Resolve("X", Settings(("X:blobServiceUri", "https://quantlake.blob.core.usgovcloudapi.net")));

        Assert.Equal("quantlake", c.AccountName);
        Assert.Equal(new Uri("https://quantlake.blob.core.usgovcloudapi.net"), c.BlobServiceUri);
        Assert.Equal(new Uri("https://quantlake.queue.core.usgovcloudapi.net"), c.QueueServiceUri);
        Assert.Equal(new Uri("https://quantlake.table.core.usgovcloudapi.net"), c.TableServiceUri);
    }

    [Fact]
    public void Resolve_ExplicitQueueAndTableUris_AreKept()
    {
        StorageConnection c = StorageConnection.Resolve("X", Settings(
            ("X__serviceUri", "https://lake.example.com/"), ("X__queueServiceUri", "https://queues.example.com/"), ("X__tableServiceUri", "https://tables.example.com/")));

        Assert.Equal(new Uri("https://lake.example.com/"), c.BlobServiceUri);
        Assert.Equal(new Uri("https://queues.example.com/"), c.QueueServiceUri);
        Assert.Equal(new Uri("https://tables.example.com/"), c.TableServiceUri);
    }

    [Fact]
    public void Resolve_InjectedCredential_IsUsedInsteadOfTheSelectedOne()
    {
        TokenCredential fake = new FakeTokenCredential("t");

        StorageConnection c = StorageConnection.Resolve("X", Settings(("X__accountName", "quantlake"), ("X__credential", "managedidentity")), fake);

        Assert.Equal(StorageAuthentication.InjectedCredential, c.Authentication);
        Assert.Same(fake, c.Credential);
    }

    [Fact]
    public void Resolve_NothingSet_ErrorNamesEverySettingLookedFor()
    {
        var ex = Assert.Throws<ArgumentException>(() => StorageConnection.Resolve("X", Settings()));

        Assert.Null(StorageConnection.TryResolve("X", Settings()));
        Assert.Equal(
            "No storage connection 'X': set 'X' to a connection string (e.g. UseDevelopmentStorage=true), or 'X__blobServiceUri' or 'X__accountName' " +
            "for an identity-based connection (optionally 'X__credential=managedidentity' and 'X__clientId').",
            ex.Message);
    }

    [Fact]
    public void Resolve_OnlyCredentialSet_ErrorSaysWhatIsMissing()
    {
        var ex = Assert.Throws<ArgumentException>(() => StorageConnection.TryResolve("X", Settings(("X__credential", "managedidentity"))));

        Assert.Equal("Storage connection 'X' is incomplete: 'X__credential' is set but neither 'X__blobServiceUri' nor 'X__accountName'.", ex.Message);
    }

    [Theory]
    [InlineData("X__blobServiceUri", "http://127.0.0.1:10000/devstoreaccount1", "must be https")]
    [InlineData("X__blobServiceUri", "not a uri", "is not an absolute https URI")]
    [InlineData("X__accountName", "Quant_Lake", "is not a storage account name")]
    public void Resolve_InvalidIdentitySetting_ErrorNamesTheSetting(string name, string value, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => StorageConnection.Resolve("X", Settings((name, value))));

        Assert.Contains($"'{name}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ServiceUriWithSas_IsRefusedWithoutEchoingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => StorageConnection.Resolve("X", Settings(("X__blobServiceUri", "https://a.blob.core.windows.net/?sv=2024&sig=SECRETSIG"))));

        Assert.Contains("without a query string", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETSIG", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveLake_NoLakeConnection_FallsBackToAzureWebJobsStorage()
    {
        StorageConnection c = StorageConnection.ResolveLake(Settings(("AzureWebJobsStorage__accountName", "hostacct")));

        Assert.Equal("AzureWebJobsStorage", c.Name);
        Assert.Equal("hostacct", c.AccountName);
    }

    [Fact]
    public void ResolveLake_LakeConnectionIdentityForm_WinsOverHostConnectionString()
    {
        StorageConnection c = StorageConnection.ResolveLake(Settings(
            ("QF_STORAGE_CONNECTION__accountName", "lakeacct"), ("AzureWebJobsStorage", "UseDevelopmentStorage=true")));

        Assert.Equal("QF_STORAGE_CONNECTION", c.Name);
        Assert.Equal("lakeacct", c.AccountName);
    }

    [Fact]
    public void ResolveLake_NeitherSet_ErrorNamesBothConnections()
    {
        var ex = Assert.Throws<ArgumentException>(() => StorageConnection.ResolveLake(Settings(("QF_STORAGE_CONNECTION", "  "))));

        Assert.StartsWith("No storage connection for the blob lake: set 'QF_STORAGE_CONNECTION' to a connection string", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'QF_STORAGE_CONNECTION__accountName'", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("or the same forms of 'AzureWebJobsStorage'.", ex.Message, StringComparison.Ordinal);
    }
}
