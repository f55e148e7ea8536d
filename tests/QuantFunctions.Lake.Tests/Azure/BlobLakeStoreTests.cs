using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Lake.Tests.Storage;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Azure;

[Collection(AzuriteFixture.Collection)]
public sealed class BlobLakeStoreTests(AzuriteFixture azurite) : AzuriteTests(azurite)
{
    private static byte[] Pattern(int length, int seed = 7)
    {
        byte[] data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    private async Task<BlobLakeStore> NewStoreAsync(BlobLakeStoreOptions? options = null) =>
        await BlobLakeStore.OpenAsync(Clients.Container(), options: options ?? BlobLakeStoreContractTests.SmallBlocks);

    [Fact]
    public async Task OpenAsync_MissingContainer_CreatesItAndSecondOpenKeepsData()
    {
        BlobContainerClient container = Clients.Container();
        Assert.False(await container.ExistsAsync());

        BlobLakeStore first = await BlobLakeStore.OpenAsync(container);
        await first.WriteAsync(LakePath.Parse("a/b"), new byte[] { 1 }, LakeWriteMode.CreateOnly);
        BlobLakeStore second = await BlobLakeStore.OpenAsync(container);

        Assert.True(await container.ExistsAsync());
        Assert.Equal(new byte[] { 1 }, (await second.TryReadAsync(LakePath.Parse("a/b")))!.Content.ToArray());
    }

    [Fact]
    public async Task OpenReadAsync_LargeBlob_IsSeekableAndReadsByRanges()
    {
        BlobLakeStore store = await NewStoreAsync();
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
    public async Task OpenReadAsync_SmallAndEmptyBlobs_AreSeekableWithTheirLength()
    {
        BlobLakeStore store = await NewStoreAsync();
        await store.WriteAsync(LakePath.Parse("s/small.bin"), Pattern(1000), LakeWriteMode.CreateOnly);
        await store.WriteAsync(LakePath.Parse("s/empty.bin"), ReadOnlyMemory<byte>.Empty, LakeWriteMode.CreateOnly);

        await using Stream small = await store.OpenReadAsync(LakePath.Parse("s/small.bin"));
        await using Stream empty = await store.OpenReadAsync(LakePath.Parse("s/empty.bin"));
        small.Seek(-10, SeekOrigin.End);
        byte[] last = new byte[10];
        small.ReadExactly(last);

        Assert.True(small.CanSeek);
        Assert.Equal(1000, small.Length);
        Assert.Equal(Pattern(1000)[^10..], last);
        Assert.True(empty.CanSeek);
        Assert.Equal(0, empty.Length);
        Assert.Equal(-1, empty.ReadByte());
    }

    [Fact]
    public async Task OpenReadAsync_BlobReplacedWhileReading_ThrowsIOExceptionNamingBlob()
    {
        BlobLakeStore store = await NewStoreAsync();
        LakePath path = LakePath.Parse("gold/s/changing.bin");
        await store.WriteAsync(path, Pattern(2 * 1024 * 1024), LakeWriteMode.CreateOnly);

        await using Stream stream = await store.OpenReadAsync(path);
        await store.WriteAsync(path, Pattern(2 * 1024 * 1024 + 1), LakeWriteMode.Overwrite);
        stream.Position = 1024 * 1024; // outside the first chunk: the next read goes to the service

        var ex = await Assert.ThrowsAsync<IOException>(() => stream.ReadAsync(new byte[10]).AsTask());
        Assert.Contains("changed while being read", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"{store.Container.Name}/gold/s/changing.bin", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteStreamAsync_SyncWritesAndProducerDisposesStream_StillCommits()
    {
        BlobLakeStore store = await NewStoreAsync();
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
        Assert.Equal(info, read.Info);
    }

    [Fact]
    public async Task WriteStreamAsync_ProducerFailsAfterBlocksWereStaged_BlocksStayUncommittedAndNothingIsVisible()
    {
        BlobLakeStore store = await NewStoreAsync();
        LakePath path = LakePath.Parse("gold/s/failed.bin");

        // 1 MiB > the 512 KiB single-upload threshold: blocks of 256 KiB are staged while the producer writes.
        await Assert.ThrowsAsync<InvalidDataException>(() => store.WriteStreamAsync(path, async (s, ct) =>
        {
            await s.WriteAsync(Pattern(1024 * 1024), ct);
            throw new InvalidDataException("producer failed");
        }, LakeWriteMode.Overwrite));

        BlockBlobClient blob = store.Container.GetBlockBlobClient("gold/s/failed.bin");
        BlockList blocks = (await blob.GetBlockListAsync(BlockListTypes.All)).Value;
        Assert.Null(await store.GetInfoAsync(path));
        Assert.Empty(blocks.CommittedBlocks);
        Assert.Equal(4, blocks.UncommittedBlocks.Count()); // 1 MiB in 256 KiB blocks, staged before the failure
    }

    [Fact]
    public async Task WriteAsync_BlockUploadCreateOnlyOnExisting_ConflictsAtCommitAndKeepsContent()
    {
        BlobLakeStore store = await NewStoreAsync();
        LakePath path = LakePath.Parse("gold/s/exists.bin");
        await store.WriteAsync(path, new byte[] { 9 }, LakeWriteMode.Overwrite);

        var ex = await Assert.ThrowsAsync<LakeConflictException>(() => store.WriteAsync(path, Pattern(2 * 1024 * 1024), LakeWriteMode.CreateOnly));

        Assert.Equal(ErrorCodes.LakeConflict, ex.Code);
        Assert.Equal(path, ex.Path);
        Assert.Equal("Create-only write refused: 'gold/s/exists.bin' already exists.", ex.Message);
        Assert.Equal(new byte[] { 9 }, (await store.TryReadAsync(path))!.Content.ToArray());
    }

    [Fact]
    public async Task WriteIfMatchAsync_StaleETag_ConflictNamesPathAndETag()
    {
        BlobLakeStore store = await NewStoreAsync();
        LakePath path = LakePath.Parse("_meta/s/counter");
        LakeObjectInfo v1 = await store.WriteAsync(path, new byte[] { 1 }, LakeWriteMode.CreateOnly);
        await store.WriteIfMatchAsync(path, new byte[] { 2 }, v1.ETag);

        var ex = await Assert.ThrowsAsync<LakeConflictException>(() => store.WriteIfMatchAsync(path, new byte[] { 3 }, v1.ETag));

        Assert.Equal(ErrorCodes.LakeConflict, ex.Code);
        Assert.Equal(path, ex.Path);
        Assert.StartsWith($"Conditional write refused: '_meta/s/counter' changed or was deleted (expected ETag {v1.ETag}; 412", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_ETagsAndSizes_MatchWhatWritesReturned()
    {
        BlobLakeStore store = await NewStoreAsync();
        LakeObjectInfo a = await store.WriteAsync(LakePath.Parse("l/a"), new byte[3], LakeWriteMode.CreateOnly);
        LakeObjectInfo b = await store.WriteStreamAsync(LakePath.Parse("l/b"), (s, ct) => s.WriteAsync(Pattern(700_000), ct).AsTask(), LakeWriteMode.CreateOnly);

        var listed = new List<LakeObjectInfo>();
        await foreach (LakeObjectInfo info in store.ListAsync(LakePath.Parse("l")))
        {
            listed.Add(info);
        }

        Assert.Equal([a, b], listed);
        Assert.StartsWith("\"", a.ETag, StringComparison.Ordinal);
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
        Assert.True(await container.GetBlobClient("tenant-b/lake/" + path.Value).ExistsAsync());
    }

    [Fact]
    public async Task MissingContainer_WritesAndReads_FailWithContainerNotFoundNotConflictOrAbsence()
    {
        var store = new BlobLakeStore(Clients.Container(Azurite.UniqueName("absent")));

        var write = await Assert.ThrowsAsync<BlobLakeException>(() => store.WriteAsync(LakePath.Parse("a/b"), new byte[] { 1 }, LakeWriteMode.CreateOnly));
        var head = await Assert.ThrowsAsync<BlobLakeException>(() => store.GetInfoAsync(LakePath.Parse("a/b")));
        var get = await Assert.ThrowsAsync<BlobLakeException>(() => store.TryReadAsync(LakePath.Parse("a/b")));

        Assert.Equal(ErrorCodes.LakeUnavailable, write.Code);
        Assert.Equal("ContainerNotFound", write.ErrorCode);
        Assert.Equal(404, write.Status);
        Assert.Equal("Upload", write.Operation);
        Assert.StartsWith($"Upload on '{store.Container.Name}/a/b' failed: 404 ContainerNotFound", write.Message, StringComparison.Ordinal);
        Assert.Equal("ContainerNotFound", head.ErrorCode);
        Assert.Equal("ContainerNotFound", get.ErrorCode);
    }

    [Fact]
    public async Task SeparateWorkers_RaceCreateOnlyAndIfMatch_OneWinnerAndNoLostUpdate()
    {
        // Four "workers", each with its own service client and store over the same container (as separate processes would be).
        BlobContainerClient shared = await Clients.NewContainerAsync();
        var stores = new List<ILakeStore>();
        for (int i = 0; i < 4; i++)
        {
            var service = new BlobServiceClient(Azurite.ConnectionString, AzuriteClients.FastOptions());
            stores.Add(new BlobLakeStore(service.GetBlobContainerClient(shared.Name)));
        }

        List<int> winners = await StoreRaces.CreateOnlyWinnersAsync(stores, LakePath.Parse("_meta/s/runs/r1/stages/n1/stage.json"));
        int total = await StoreRaces.IncrementConcurrentlyAsync(stores, LakePath.Parse("_meta/s/counter"), 10);

        Assert.Single(winners);
        Assert.Equal(40, total); // 4 workers × 10 increments, none lost
    }

    [Fact]
    public async Task RootPath_IsNotAnObject()
    {
        BlobLakeStore store = await NewStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(LakePath.Root, new byte[] { 1 }, LakeWriteMode.Overwrite));
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetInfoAsync(LakePath.Root));
    }

    [Fact]
    public void Options_OutOfRange_NameTheSetting()
    {
        BlobContainerClient container = Clients.Container();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new BlobLakeStore(container, options: new BlobLakeStoreOptions { BlockSize = 1024 }));

        Assert.Equal("BlockSize", ex.ParamName);
    }
}
