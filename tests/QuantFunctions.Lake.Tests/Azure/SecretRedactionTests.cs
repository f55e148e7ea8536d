using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Net;
using Azure.Core.Diagnostics;
using Azure.Storage.Blobs;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Azure;

/// <summary>The account key and request signatures never reach lake errors, connection descriptions or the SDK's logs.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class SecretRedactionTests(AzuriteFixture azurite)
{
    // A syntactically valid key that is not the account's: Azurite answers 403.
    private const string WrongKey = "V3JvbmdLZXlXcm9uZ0tleVdyb25nS2V5V3JvbmdLZXlXcm9uZ0tleVdyb25nS2V5V3JvbmdLZXk9PQ==";

    [Fact]
    public async Task WrongKey_Is403AccessDeniedNamingTheBlob_AndNoKeyOrSignatureInErrorOrSdkLogs()
    {
        var logs = new ConcurrentQueue<string>();
        using var listener = new AzureEventSourceListener((_, message) => logs.Enqueue(message), EventLevel.Verbose);
        var recorder = new FaultInjectingHandler(0, HttpStatusCode.OK); // forwards everything, records the Authorization headers
        string wrong = azurite.ConnectionString.Replace(AzuriteFixture.AccountKey, WrongKey, StringComparison.Ordinal);
        StorageConnection connection = StorageConnection.Resolve("QF_STORAGE_CONNECTION", name => name == "QF_STORAGE_CONNECTION" ? wrong : null);
        BlobServiceClient service = BlobServiceClientFactory.Create(connection, AzuriteClients.FastOptions(recorder));
        var store = new BlobLakeStore(service.GetBlobContainerClient(azurite.UniqueName("denied")));

        var ex = await Assert.ThrowsAsync<LakeAccessDeniedException>(() => store.WriteAsync(LakePath.Parse("gold/a.json"), new byte[] { 1 }, LakeWriteMode.CreateOnly));

        Assert.Equal(ErrorCodes.LakeAccessDenied, ex.Code);
        Assert.Equal(LakePath.Parse("gold/a.json"), ex.Path);
        Assert.StartsWith($"Upload on '{store.Container.Name}/gold/a.json' was refused: 403 ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Storage Blob Data Contributor", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, recorder.Requests); // 403 is not transient
        string signature = recorder.Authorizations[0]!.Split(':')[1];
        Assert.Contains(logs, l => l.Contains("Authorization:REDACTED", StringComparison.Ordinal)); // the SDK logged the request headers
        foreach (string secret in new[] { WrongKey, AzuriteFixture.AccountKey, signature })
        {
            AssertAbsent(secret, ex.ToString(), connection.ToString(), string.Join('\n', logs));
        }
    }

    [Fact]
    public void ConnectionString_Described_ShowsEndpointNeverKey()
    {
        StorageConnection connection = StorageConnection.Resolve("X", name => name == "X" ? azurite.ConnectionString : null);

        string text = connection.ToString();

        Assert.Equal($"X: {azurite.BlobEndpoint} (ConnectionString)", text);
        AssertAbsent(AzuriteFixture.AccountKey, text);
    }

    [Theory]
    [InlineData("AccountName=acct;" + WrongKey)]
    [InlineData(WrongKey)]
    public void ConnectionString_Malformed_ErrorNamesTheSettingNeverTheValue(string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => StorageConnection.Resolve("QF_STORAGE_CONNECTION", name => name == "QF_STORAGE_CONNECTION" ? value : null));

        Assert.StartsWith("Setting 'QF_STORAGE_CONNECTION' is not a valid storage connection string", ex.Message, StringComparison.Ordinal);
        AssertAbsent(WrongKey, ex.ToString());
    }

    private static void AssertAbsent(string secret, params string[] texts)
    {
        foreach (string text in texts)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(secret[..16], text, StringComparison.Ordinal);
        }
    }
}
