using System.Net;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Azure;

[Collection(AzuriteFixture.Collection)]
public sealed class StorageRetryTests(AzuriteFixture azurite) : AzuriteTests(azurite)
{
    /// <summary>A real container, and a client for it whose requests pass through <paramref name="handler"/>.</summary>
    private async Task<(BlobContainerClient Direct, BlobContainerClient Faulty, AzuriteClients Owner)> BehindAsync(FaultInjectingHandler handler)
    {
        BlobContainerClient direct = await Clients.NewContainerAsync();
        var owner = new AzuriteClients(Azurite, handler);
        return (direct, new BlobContainerClient(owner.Connection, direct.Name, owner.Http, AzuriteClients.FastOptions), owner);
    }

    [Fact]
    public async Task PutBlob_503Twice_RetriesThenSucceeds()
    {
        var handler = new FaultInjectingHandler(2, HttpStatusCode.ServiceUnavailable);
        (BlobContainerClient created, BlobContainerClient container, AzuriteClients owner) = await BehindAsync(handler);
        using AzuriteClients faulty = owner;

        BlobProperties written = await container.UploadAsync("x", new byte[] { 7 });

        Assert.Equal(3, handler.Requests); // two injected 503s, then the real Put Blob
        Assert.Equal(1, written.Size);
        Assert.Equal(new byte[] { 7 }, (await created.DownloadAsync("x"))!.Content.ToArray());
    }

    [Fact]
    public async Task PutBlob_503Always_FailsAfterBudgetNamingOperationBlobAndStatus()
    {
        var handler = new FaultInjectingHandler(int.MaxValue, HttpStatusCode.ServiceUnavailable);
        using var clients = new AzuriteClients(Azurite, handler);
        var container = new BlobContainerClient(clients.Connection, "lake", clients.Http, AzuriteClients.FastOptions);

        var ex = await Assert.ThrowsAsync<AzureStorageException>(() => container.UploadAsync("raw/a.json", new byte[] { 1 }));

        Assert.Equal(4, handler.Requests); // 1 + MaxRetries (3)
        Assert.Equal(4, ex.Attempts);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.Status);
        Assert.Equal("PutBlob on 'lake/raw/a.json' failed: 503 ServerBusy (Injected fault.) after 4 attempts.", ex.Message);
    }

    [Fact]
    public async Task Request_ConnectionRefused_FailsAfterBudgetWithClearError()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var connection = StorageConnectionString.Development(new Uri($"http://127.0.0.1:{port}/devstoreaccount1"), new Uri($"http://127.0.0.1:{port}/devstoreaccount1"));
        using var http = new HttpClient();
        var container = new BlobContainerClient(connection, "lake", http, AzuriteClients.FastOptions with { MaxRetries = 2 });

        var ex = await Assert.ThrowsAsync<AzureStorageException>(() => container.GetPropertiesAsync("x"));

        Assert.Null(ex.Status);
        Assert.Equal(3, ex.Attempts);
        Assert.StartsWith("GetBlobProperties on 'lake/x' failed after 3 attempt(s): HttpRequestException", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_NotTransient404_IsNotRetried()
    {
        var handler = new FaultInjectingHandler(0, HttpStatusCode.OK);
        (BlobContainerClient _, BlobContainerClient container, AzuriteClients owner) = await BehindAsync(handler);
        using AzuriteClients faulty = owner;

        BlobProperties? missing = await container.GetPropertiesAsync("x");

        Assert.Null(missing);
        Assert.Equal(1, handler.Requests);
    }
}
