using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Azure;

/// <summary>The SDK's retries as the blob lake configures them: transient statuses and connection faults retried within the budget, others not.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class StorageRetryTests(AzuriteFixture azurite) : AzuriteTests(azurite)
{
    /// <summary>A store over a real container whose requests pass through <paramref name="handler"/>.</summary>
    private async Task<BlobLakeStore> BehindAsync(FaultInjectingHandler handler)
    {
        BlobContainerClient direct = await Clients.NewContainerAsync();
        var faulty = new AzuriteClients(Azurite, handler);
        return new BlobLakeStore(faulty.Container(direct.Name));
    }

    [Fact]
    public async Task Write_503Twice_RetriesThenSucceeds()
    {
        var handler = new FaultInjectingHandler(2, HttpStatusCode.ServiceUnavailable);
        BlobLakeStore store = await BehindAsync(handler);

        LakeObjectInfo written = await store.WriteAsync(LakePath.Parse("x/y"), new byte[] { 7 }, LakeWriteMode.CreateOnly);

        Assert.Equal(3, handler.Requests); // two injected 503s, then the real Put Blob
        Assert.Equal(1, written.Size);
        Assert.Equal(new byte[] { 7 }, (await store.TryReadAsync(LakePath.Parse("x/y")))!.Content.ToArray());
    }

    [Fact]
    public async Task Write_503Always_FailsAfterBudgetNamingOperationBlobStatusAndCode()
    {
        var handler = new FaultInjectingHandler(int.MaxValue, HttpStatusCode.ServiceUnavailable);
        var store = new BlobLakeStore(new AzuriteClients(Azurite, handler).Container("lake"));

        var ex = await Assert.ThrowsAsync<BlobLakeException>(() => store.WriteAsync(LakePath.Parse("raw/a.json"), new byte[] { 1 }, LakeWriteMode.Overwrite));

        Assert.Equal(4, handler.Requests); // 1 + MaxRetries (3)
        Assert.Equal(ErrorCodes.LakeUnavailable, ex.Code);
        Assert.Equal(503, ex.Status);
        Assert.Equal("ServerBusy", ex.ErrorCode);
        Assert.Equal("Upload on 'lake/raw/a.json' failed: 503 ServerBusy (Injected fault.).", ex.Message);
        Assert.Null(ex.InnerException); // the SDK's full response dump is not carried along
    }

    [Fact]
    public async Task Read_ConnectionRefused_FailsAfterBudgetWithClearError()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        string refused = Azurite.ConnectionString.Replace($":{Azurite.BlobPort}/", $":{port}/", StringComparison.Ordinal);
        BlobClientOptions options = AzuriteClients.FastOptions();
        options.Retry.MaxRetries = 2;
        var store = new BlobLakeStore(new BlobServiceClient(refused, options).GetBlobContainerClient("lake"));

        var ex = await Assert.ThrowsAsync<BlobLakeException>(() => store.GetInfoAsync(LakePath.Parse("x/y")));

        Assert.Equal(ErrorCodes.LakeUnavailable, ex.Code);
        Assert.Equal(0, ex.Status);
        Assert.StartsWith("GetProperties on 'lake/x/y' failed, storage unreachable: Retry failed after 3 tries.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_NotTransient404_IsNotRetried()
    {
        var handler = new FaultInjectingHandler(0, HttpStatusCode.OK);
        BlobLakeStore store = await BehindAsync(handler);

        LakeObjectInfo? missing = await store.GetInfoAsync(LakePath.Parse("x/y"));

        Assert.Null(missing);
        Assert.Equal(1, handler.Requests);
    }

    [Fact]
    public async Task Write_503WithRetryAfter_WaitsAsAskedThenSucceeds()
    {
        var handler = new FaultInjectingHandler(1, HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.FromSeconds(1));
        BlobLakeStore store = await BehindAsync(handler);
        var clock = Stopwatch.StartNew();

        await store.WriteAsync(LakePath.Parse("x/y"), new byte[] { 1 }, LakeWriteMode.Overwrite);

        // The backoff alone is 5 ms; Retry-After: 1 s stretches the one retry to about a second.
        Assert.Equal(2, handler.Requests);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(20));
    }
}
