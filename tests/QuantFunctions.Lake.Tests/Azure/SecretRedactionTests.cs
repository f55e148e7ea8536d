using System.Net;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Azure;

[Collection(AzuriteFixture.Collection)]
public sealed class SecretRedactionTests(AzuriteFixture azurite)
{
    // A syntactically valid key that is not the account's: Azurite answers 403.
    private const string WrongKey = "V3JvbmdLZXlXcm9uZ0tleVdyb25nS2V5V3JvbmdLZXlXcm9uZ0tleVdyb25nS2V5V3JvbmdLZXk9PQ==";

    [Fact]
    public async Task WrongKey_Blob_Is403WithClearErrorAndNoKeyAnywhere()
    {
        var logger = new CapturingLogger<BlobContainerClient>();
        using var http = new HttpClient();
        StorageConnectionString connection = StorageConnectionString.Parse(azurite.ConnectionString.Replace(AzuriteFixture.AccountKey, WrongKey, StringComparison.Ordinal));
        var container = new BlobContainerClient(connection, azurite.UniqueName("denied"), http, AzuriteClients.FastOptions, logger: logger);

        var ex = await Assert.ThrowsAsync<AzureStorageException>(() => container.CreateIfNotExistsAsync());

        Assert.Equal(HttpStatusCode.Forbidden, ex.Status);
        Assert.Contains(ex.ErrorCode, new[] { "AuthenticationFailed", "AuthorizationFailure" }); // Azure says the first, Azurite the second
        Assert.Equal(1, ex.Attempts); // 403 is not transient
        Assert.Contains("Check the account name and key", ex.Message, StringComparison.Ordinal);
        AssertNoSecret(WrongKey, ex.ToString(), connection.ToString(), string.Join('\n', logger.Lines));
        Assert.NotEmpty(logger.Lines);
    }

    [Fact]
    public async Task RetriedFailures_LogsAndErrors_NeverContainKeyOrSignature()
    {
        var logger = new CapturingLogger<BlobContainerClient>();
        var handler = new FaultInjectingHandler(int.MaxValue, HttpStatusCode.ServiceUnavailable);
        using var clients = new AzuriteClients(azurite, handler);
        var container = new BlobContainerClient(clients.Connection, "lake", clients.Http, AzuriteClients.FastOptions, logger: logger);

        var ex = await Assert.ThrowsAsync<AzureStorageException>(() => container.UploadAsync("a", new byte[] { 1 }));

        string logs = string.Join('\n', logger.Lines);
        Assert.Equal(3, logger.Lines.Count(l => l.StartsWith("Warning: PutBlob on 'lake/a': attempt", StringComparison.Ordinal))); // one per retry
        AssertNoSecret(AzuriteFixture.AccountKey, ex.ToString(), logs, clients.Connection.ToString());
        string signature = handler.Authorizations[0]!.Split(':')[1];
        AssertNoSecret(signature, ex.ToString(), logs);
    }

    private static void AssertNoSecret(string secret, params string[] texts)
    {
        foreach (string text in texts)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(secret[..16], text, StringComparison.Ordinal);
        }
    }
}
