using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Lake.Tests.Storage;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Azure;

[Collection(AzuriteFixture.Collection)]
public sealed class BlobLakeStoreTests(AzuriteFixture azurite) : AzuriteTests(azurite)
{
    private static byte[] Pattern(int length)
    {
        byte[] data = new byte[length];
        new Random(7).NextBytes(data);
        return data;
    }

    [Fact]
    public async Task OpenReadAsync_LargeBlob_IsSeekableAndReadsByRanges()
    {
        BlobContainerClient container = await Clients.NewContainerAsync(BlobLakeStoreContractTests.SmallBlocks);
        var store = new BlobLakeStore(container);
        byte[] data = Pattern(3 * 1024 * 1024 + 17);
        LakePath path = LakePath.Parse("gold/s/big.parquet");
        await store.WriteAsync(path, data, LakeWriteMode.CreateOnly);

        await using Stream stream = await store.OpenReadAsync(path);
        byte[] tail = new byte[8];
        stream.Seek(-8, SeekOrigin.End);
        stream.ReadExactly(tail);
        stream.Position = 1_000_000;
        byte[] middle = new byte[400_000]; // spans two 300 KiB chunks
        await stream.ReadExactlyAsync(middle);
        stream.Position = 0;
        using var all = new MemoryStream();
        await stream.CopyToAsync(all);

        Assert.True(stream.CanSeek);
        Assert.Equal(data.Length, stream.Length);
        Assert.Equal(data[^8..], tail);
        Assert.Equal(data[1_000_000..1_400_000], middle);
        Assert.True(data.AsSpan().SequenceEqual(all.ToArray()));
    }

    [Fact]
    public async Task OpenReadAsync_BlobReplacedWhileReading_ThrowsIOException()
    {
        BlobContainerClient container = await Clients.NewContainerAsync(BlobLakeStoreContractTests.SmallBlocks);
        var store = new BlobLakeStore(container);
        LakePath path = LakePath.Parse("gold/s/changing.bin");
        await store.WriteAsync(path, Pattern(2 * 1024 * 1024), LakeWriteMode.CreateOnly);

        await using Stream stream = await store.OpenReadAsync(path);
        await store.WriteAsync(path, Pattern(2 * 1024 * 1024 + 1), LakeWriteMode.Overwrite);

        var ex = await Assert.ThrowsAsync<IOException>(() => stream.ReadAsync(new byte[10]).AsTask());
        Assert.Contains("changed while being read", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteStreamAsync_SyncWritesAndProducerDisposesStream_StillCommits()
    {
        BlobContainerClient container = await Clients.NewContainerAsync(BlobLakeStoreContractTests.SmallBlocks);
        var store = new BlobLakeStore(container);
        byte[] data = Pattern(1_500_000);
        LakePath path = LakePath.Parse("silver/u/p/version=1.0.0/d/year=2024/part-0.parquet");

        LakeObjectInfo info = await store.WriteStreamAsync(path, (stream, _) =>
        {
            using (stream)
            {
                for (int offset = 0; offset < data.Length; offset += 100_000)
                {
                    stream.Write(data, offset, Math.Min(100_000, data.Length - offset));
                }
            }

            return Task.CompletedTask;
        }, LakeWriteMode.CreateOnly);

        LakeObject? read = await store.TryReadAsync(path);
        Assert.Equal(data.Length, info.Size);
        Assert.Equal(data, read!.Content.ToArray());
    }

    [Fact]
    public async Task RootPrefix_TwoStoresInOneContainer_AreIsolated()
    {
        BlobContainerClient container = await Clients.NewContainerAsync();
        var a = new BlobLakeStore(container, "tenant-a/lake");
        var b = new BlobLakeStore(container, "tenant-b/lake");
        LakePath path = LakePath.Parse("raw/m/s/ingest_date=2024-01-02/b1.json");

        await a.WriteAsync(path, new byte[] { 1 }, LakeWriteMode.CreateOnly);
        await b.WriteAsync(path, new byte[] { 2 }, LakeWriteMode.CreateOnly);
        var listed = new List<LakeObjectInfo>();
        await foreach (LakeObjectInfo info in a.ListAsync(LakePath.Root))
        {
            listed.Add(info);
        }

        Assert.Equal(path, Assert.Single(listed).Path);
        Assert.Equal(new byte[] { 1 }, (await a.TryReadAsync(path))!.Content.ToArray());
        Assert.NotNull(await container.GetPropertiesAsync("tenant-b/lake/" + path.Value));
    }

    [Fact]
    public async Task WriteAsync_MissingContainer_PropagatesStorageErrorNotConflict()
    {
        var store = new BlobLakeStore(new BlobContainerClient(Clients.Connection, Azurite.UniqueName("absent"), Clients.Http, AzuriteClients.FastOptions));

        var ex = await Assert.ThrowsAsync<AzureStorageException>(() => store.WriteAsync(LakePath.Parse("a/b"), new byte[] { 1 }, LakeWriteMode.Overwrite));

        Assert.Equal("ContainerNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task SeparateWorkers_RaceCreateOnlyAndIfMatch_OneWinnerAndNoLostUpdate()
    {
        // Four "workers", each with its own HttpClient and store over the same container (as separate processes would be).
        BlobContainerClient shared = await Clients.NewContainerAsync();
        var https = new List<HttpClient>();
        var stores = new List<ILakeStore>();
        for (int i = 0; i < 4; i++)
        {
            var http = new HttpClient();
            https.Add(http);
            stores.Add(new BlobLakeStore(new BlobContainerClient(Clients.Connection, shared.Name, http, AzuriteClients.FastOptions)));
        }

        try
        {
            List<int> winners = await StoreRaces.CreateOnlyWinnersAsync(stores, LakePath.Parse("_meta/s/runs/r1/stages/n1/stage.json"));
            int total = await StoreRaces.IncrementConcurrentlyAsync(stores, LakePath.Parse("_meta/s/counter"), 10);

            Assert.Single(winners);
            Assert.Equal(40, total); // 4 workers × 10 increments, none lost
        }
        finally
        {
            https.ForEach(h => h.Dispose());
        }
    }

    [Fact]
    public async Task RootPath_IsNotAnObject()
    {
        var store = new BlobLakeStore(await Clients.NewContainerAsync());

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(LakePath.Root, new byte[] { 1 }, LakeWriteMode.Overwrite));
    }
}
