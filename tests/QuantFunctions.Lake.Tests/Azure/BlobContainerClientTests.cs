using System.Net;
using System.Text;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Azure;

[Collection(AzuriteFixture.Collection)]
public sealed class BlobContainerClientTests(AzuriteFixture azurite) : AzuriteTests(azurite)
{
    [Fact]
    public async Task CreateIfNotExists_Twice_SecondReturnsFalse()
    {
        BlobContainerClient container = await Clients.NewContainerAsync();

        Assert.False(await container.CreateIfNotExistsAsync());
        Assert.True(await container.DeleteIfExistsAsync());
        Assert.False(await container.DeleteIfExistsAsync());
    }

    [Fact]
    public async Task PutBlob_ThenGetAndProperties_RoundTripsBytesAndETag()
    {
        BlobContainerClient container = await Clients.NewContainerAsync();
        byte[] data = Encoding.UTF8.GetBytes("0123456789");

        BlobProperties written = await container.UploadAsync("raw/x y/é.json", data);
        BlobContent? read = await container.DownloadAsync("raw/x y/é.json");
        BlobProperties? props = await container.GetPropertiesAsync("raw/x y/é.json");

        Assert.NotNull(read);
        Assert.Equal(data, read.Content.ToArray());
        Assert.Equal(10, read.Properties.Size);
        Assert.NotNull(props);
        Assert.Equal(10, props.Size);
        Assert.StartsWith("\"", written.ETag, StringComparison.Ordinal);
        Assert.Equal(written.ETag, props.ETag);
        Assert.Equal(written.ETag, read.Properties.ETag);
    }

    [Fact]
    public async Task Download_Range_ReturnsThoseBytesAndWholeSize()
    {
        BlobContainerClient container = await Clients.NewContainerAsync();
        await container.UploadAsync("r.bin", Encoding.ASCII.GetBytes("0123456789"));

        BlobContent? middle = await container.DownloadAsync("r.bin", offset: 2, length: 4);
        BlobContent? tail = await container.DownloadAsync("r.bin", offset: 7);

        // bytes 2..5 of "0123456789" are "2345"; from 7 to the end "789" (hand count).
        Assert.Equal("2345", Encoding.ASCII.GetString(middle!.Content.Span));
        Assert.Equal(2, middle.Offset);
        Assert.Equal(10, middle.Properties.Size);
        Assert.Equal("789", Encoding.ASCII.GetString(tail!.Content.Span));
    }

    [Fact]
    public async Task Missing_GetPropertiesDownloadDelete_ReturnNullOrFalse()
    {
        BlobContainerClient container = await Clients.NewContainerAsync();

        Assert.Null(await container.GetPropertiesAsync("nope"));
        Assert.Null(await container.DownloadAsync("nope"));
        Assert.False(await container.DeleteAsync("nope"));
    }

    [Fact]
    public async Task MissingContainer_Reads_ThrowContainerNotFoundInsteadOfNull()
    {
        var container = new BlobContainerClient(Clients.Connection, Azurite.UniqueName("absent"), Clients.Http, AzuriteClients.FastOptions);

        var head = await Assert.ThrowsAsync<AzureStorageException>(() => container.GetPropertiesAsync("x"));
        var get = await Assert.ThrowsAsync<AzureStorageException>(() => container.DownloadAsync("x"));

        Assert.Equal("ContainerNotFound", head.ErrorCode);
        Assert.Equal("ContainerNotFound", get.ErrorCode);
    }

    [Fact]
    public async Task Delete_Existing_RemovesIt()
    {
        BlobContainerClient container = await Clients.NewContainerAsync();
        await container.UploadAsync("d", new byte[] { 1 });

        Assert.True(await container.DeleteAsync("d"));
        Assert.Null(await container.GetPropertiesAsync("d"));
    }

    [Fact]
    public async Task ListBlobsPage_SmallPageSize_FollowsNextMarkerInOrder()
    {
        BlobContainerClient container = await Clients.NewContainerAsync();
        string[] names = ["a/1", "a/2", "a/3", "a/4", "a/5", "b/1"];
        foreach (string name in names.Reverse())
        {
            await container.UploadAsync(name, Encoding.ASCII.GetBytes(name));
        }

        BlobListPage first = await container.ListBlobsPageAsync("a/", maxResults: 2);
        BlobListPage second = await container.ListBlobsPageAsync("a/", first.NextMarker, maxResults: 2);
        BlobListPage third = await container.ListBlobsPageAsync("a/", second.NextMarker, maxResults: 2);
        var all = new List<string>();
        await foreach (BlobProperties blob in container.ListBlobsAsync("a/", pageSize: 2))
        {
            all.Add(blob.Name);
        }

        Assert.Equal(["a/1", "a/2"], first.Blobs.Select(b => b.Name));
        Assert.NotNull(first.NextMarker);
        Assert.Equal(["a/3", "a/4"], second.Blobs.Select(b => b.Name));
        Assert.Equal(["a/5"], third.Blobs.Select(b => b.Name));
        Assert.Null(third.NextMarker);
        Assert.Equal(["a/1", "a/2", "a/3", "a/4", "a/5"], all);
        Assert.Equal(3, first.Blobs[0].Size);
        Assert.StartsWith("\"", first.Blobs[0].ETag, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_CreateOnlyOnExisting_Fails409Or412AndKeepsContent()
    {
        BlobContainerClient container = await Clients.NewContainerAsync();
        await container.UploadAsync("once", new byte[] { 1 }, BlobWriteConditions.CreateOnly);

        var ex = await Assert.ThrowsAsync<AzureStorageException>(() => container.UploadAsync("once", new byte[] { 2 }, BlobWriteConditions.CreateOnly));

        Assert.True(ex.Status is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed, ex.Message);
        Assert.Contains("PutBlob on '" + container.Name + "/once'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 1 }, (await container.DownloadAsync("once"))!.Content.ToArray());
    }

    [Fact]
    public async Task Upload_IfMatchStaleETag_Fails412()
    {
        BlobContainerClient container = await Clients.NewContainerAsync();
        BlobProperties v1 = await container.UploadAsync("m", new byte[] { 1 });
        BlobProperties v2 = await container.UploadAsync("m", new byte[] { 2 }, BlobWriteConditions.IfMatches(v1.ETag));

        var ex = await Assert.ThrowsAsync<AzureStorageException>(() => container.UploadAsync("m", new byte[] { 3 }, BlobWriteConditions.IfMatches(v1.ETag)));

        Assert.NotEqual(v1.ETag, v2.ETag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, ex.Status);
        Assert.Equal("ConditionNotMet", ex.ErrorCode);
    }

    [Fact]
    public async Task UploadStream_MultiMegabyte_StagesBlocksAndCommitsWhole()
    {
        var options = AzuriteClients.FastOptions with { BlockSize = 1024 * 1024, BlockUploadThreshold = 1024 * 1024 };
        BlobContainerClient container = await Clients.NewContainerAsync(options);
        byte[] data = new byte[5 * 1024 * 1024 + 123];
        new Random(42).NextBytes(data);

        BlobProperties written = await container.UploadAsync("big.bin", new MemoryStream(data));
        BlobContent? read = await container.DownloadAsync("big.bin");

        Assert.Equal(data.Length, written.Size);
        Assert.True(data.AsSpan().SequenceEqual(read!.Content.Span));
        Assert.Equal(written.ETag, read.Properties.ETag);
    }

    [Fact]
    public async Task OpenBlockWrite_NotCommitted_LeavesNoBlob()
    {
        var options = AzuriteClients.FastOptions with { BlockSize = 64 * 1024, BlockUploadThreshold = 64 * 1024 };
        BlobContainerClient container = await Clients.NewContainerAsync(options);

        await using (BlockBlobWriteStream stream = container.OpenBlockWrite("partial"))
        {
            await stream.WriteAsync(new byte[300 * 1024]);
            Assert.Equal(4, stream.StagedBlocks); // 300 KiB in 64 KiB blocks: 4 full blocks staged, 44 KiB still buffered
        }

        Assert.Null(await container.GetPropertiesAsync("partial"));
    }

    [Fact]
    public async Task Upload_BlockCreateOnlyOnExisting_FailsAtCommit()
    {
        var options = AzuriteClients.FastOptions with { BlockSize = 64 * 1024, BlockUploadThreshold = 64 * 1024 };
        BlobContainerClient container = await Clients.NewContainerAsync(options);
        await container.UploadAsync("exists", new byte[] { 9 });

        var ex = await Assert.ThrowsAsync<AzureStorageException>(() => container.UploadAsync("exists", new byte[200 * 1024], BlobWriteConditions.CreateOnly));

        Assert.Equal("PutBlockList", ex.Operation);
        Assert.Equal(new byte[] { 9 }, (await container.DownloadAsync("exists"))!.Content.ToArray());
    }
}
