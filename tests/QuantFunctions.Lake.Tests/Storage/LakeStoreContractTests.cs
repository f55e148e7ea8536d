using System.Text;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="ILakeStore"/> must have. Subclass it, implement <see cref="CreateStoreAsync"/>
/// (and <see cref="DisposeStoreAsync"/> to clean up), and xunit runs every test against your store. Each test
/// gets a fresh store; tests only touch paths below <see cref="Root"/>, so a shared container works too.
/// </summary>
public abstract partial class LakeStoreContractTests : IAsyncLifetime
{
    private ILakeStore? _store;

    /// <summary>The store under test (fresh per test).</summary>
    protected ILakeStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>Prefix all test objects live under; override to isolate tests in a shared container.</summary>
    protected virtual string Root => "gold/contract";

    /// <summary>Creates an empty store.</summary>
    protected abstract Task<ILakeStore> CreateStoreAsync();

    /// <summary>Releases the store (delete the folder or container).</summary>
    protected virtual Task DisposeStoreAsync(ILakeStore store) => Task.CompletedTask;

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await DisposeStoreAsync(_store);
        }
    }

    protected LakePath P(string relative) => LakePath.Parse(Root + "/" + relative);

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task TryReadAsync_MissingObject_ReturnsNull()
    {
        Assert.Null(await Store.TryReadAsync(P("missing.bin")));
        Assert.Null(await Store.GetInfoAsync(P("missing.bin")));
    }

    [Fact]
    public async Task OpenReadAsync_MissingObject_ThrowsNotFoundNamingPath()
    {
        var e = await Assert.ThrowsAsync<LakeObjectNotFoundException>(() => Store.OpenReadAsync(P("missing.bin")));
        Assert.Equal(P("missing.bin"), e.Path);
    }

    [Fact]
    public async Task WriteAsync_ThenRead_ReturnsSameBytesSizeAndETag()
    {
        byte[] content = Bytes("hello lake");
        LakeObjectInfo written = await Store.WriteAsync(P("a/b.txt"), content, LakeWriteMode.Overwrite);

        LakeObject? read = await Store.TryReadAsync(P("a/b.txt"));
        Assert.NotNull(read);
        Assert.Equal(content, read.Content.ToArray());
        Assert.Equal(written, read.Info);
        Assert.Equal(content.Length, written.Size);
        Assert.Equal(written, await Store.GetInfoAsync(P("a/b.txt")));
    }

    [Fact]
    public async Task WriteAsync_EmptyContent_StoresEmptyObject()
    {
        LakeObjectInfo info = await Store.WriteAsync(P("empty.bin"), ReadOnlyMemory<byte>.Empty, LakeWriteMode.CreateOnly);

        Assert.Equal(0, info.Size);
        LakeObject? read = await Store.TryReadAsync(P("empty.bin"));
        Assert.NotNull(read);
        Assert.Equal(0, read.Content.Length);
    }

    [Fact]
    public async Task OpenReadAsync_ExistingObject_StreamsContent()
    {
        byte[] content = Bytes("streamed");
        await Store.WriteAsync(P("s.txt"), content, LakeWriteMode.Overwrite);

        await using Stream stream = await Store.OpenReadAsync(P("s.txt"));
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task WriteAsync_Overwrite_ReplacesContentAndChangesETag()
    {
        LakeObjectInfo first = await Store.WriteAsync(P("o.txt"), Bytes("one"), LakeWriteMode.Overwrite);
        LakeObjectInfo second = await Store.WriteAsync(P("o.txt"), Bytes("two!"), LakeWriteMode.Overwrite);

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal(Bytes("two!"), (await Store.TryReadAsync(P("o.txt")))!.Content.ToArray());
    }

    [Fact]
    public async Task WriteAsync_SameContentTwice_ChangesETagEveryWrite()
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < 20; i++)
        {
            LakeObjectInfo info = await Store.WriteAsync(P("same.txt"), Bytes("same"), LakeWriteMode.Overwrite);
            Assert.True(tags.Add(info.ETag), $"write {i} repeated ETag {info.ETag}");
        }
    }

    [Fact]
    public async Task WriteAsync_DeleteAndRecreateSameContent_NeverRepeatsETag()
    {
        // A client holding an old ETag must not succeed an If-Match against a re-created object.
        var tags = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < 20; i++)
        {
            LakeObjectInfo info = await Store.WriteAsync(P("again.txt"), Bytes("same"), LakeWriteMode.CreateOnly);
            Assert.True(tags.Add(info.ETag), $"re-creation {i} repeated ETag {info.ETag}");
            Assert.True(await Store.DeleteAsync(P("again.txt")));
        }
    }

    [Fact]
    public async Task WriteAsync_CreateOnlyOnExisting_ThrowsConflictAndKeepsContent()
    {
        await Store.WriteAsync(P("c.txt"), Bytes("first"), LakeWriteMode.CreateOnly);

        var e = await Assert.ThrowsAsync<LakeConflictException>(() => Store.WriteAsync(P("c.txt"), Bytes("second"), LakeWriteMode.CreateOnly));

        Assert.Equal(P("c.txt"), e.Path);
        Assert.Equal(Bytes("first"), (await Store.TryReadAsync(P("c.txt")))!.Content.ToArray());
    }

    [Fact]
    public async Task WriteStreamAsync_CreateOnlyOnExisting_ThrowsConflictAndKeepsContent()
    {
        await Store.WriteAsync(P("cs.txt"), Bytes("first"), LakeWriteMode.CreateOnly);

        await Assert.ThrowsAsync<LakeConflictException>(() => Store.WriteStreamAsync(
            P("cs.txt"), (s, ct) => s.WriteAsync(Bytes("second"), ct).AsTask(), LakeWriteMode.CreateOnly));

        Assert.Equal(Bytes("first"), (await Store.TryReadAsync(P("cs.txt")))!.Content.ToArray());
        Assert.Single(await ListAsync(P("")));
    }

    [Fact]
    public async Task WriteStreamAsync_LargeObjectInChunks_RoundTrips()
    {
        // 8 MiB written in 64 KiB chunks: content is a deterministic byte pattern.
        const int chunk = 64 * 1024, chunks = 128;
        LakeObjectInfo info = await Store.WriteStreamAsync(P("big.bin"), async (s, ct) =>
        {
            byte[] buffer = new byte[chunk];
            for (int c = 0; c < chunks; c++)
            {
                Array.Fill(buffer, (byte)c);
                await s.WriteAsync(buffer, ct);
            }
        }, LakeWriteMode.CreateOnly);

        Assert.Equal((long)chunk * chunks, info.Size);
        byte[] read = (await Store.TryReadAsync(P("big.bin")))!.Content.ToArray();
        Assert.Equal(0, read[0]);
        Assert.Equal(127, read[^1]);
        Assert.Equal(64, read[64 * chunk + 5]);
    }

    [Fact]
    public async Task WriteStreamAsync_ProducerDisposesStream_StillCommits()
    {
        // Many writers (e.g. a Parquet writer without leaveOpen) dispose the stream they were given.
        LakeObjectInfo info = await Store.WriteStreamAsync(P("disposed.bin"), async (s, ct) =>
        {
            await s.WriteAsync(Bytes("complete"), ct);
            await s.DisposeAsync();
        }, LakeWriteMode.CreateOnly);

        Assert.Equal(8, info.Size);
        Assert.Equal(Bytes("complete"), (await Store.TryReadAsync(P("disposed.bin")))!.Content.ToArray());
    }

    [Fact]
    public async Task WriteStreamAsync_ProducerWritesNothing_CreatesEmptyObject()
    {
        LakeObjectInfo info = await Store.WriteStreamAsync(P("nothing.bin"), (_, _) => Task.CompletedTask, LakeWriteMode.CreateOnly);

        Assert.Equal(0, info.Size);
        Assert.Equal(info, await Store.GetInfoAsync(P("nothing.bin")));
    }

    [Fact]
    public async Task WriteStreamAsync_ProducerThrowsMidStream_LeavesNothingVisible()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => Store.WriteStreamAsync(P("partial.bin"), async (s, ct) =>
        {
            await s.WriteAsync(new byte[256 * 1024], ct);
            throw new InvalidDataException("producer failed mid-stream");
        }, LakeWriteMode.CreateOnly));

        Assert.Null(await Store.GetInfoAsync(P("partial.bin")));
        Assert.Empty(await ListAsync(P("")));
    }

    [Fact]
    public async Task WriteStreamAsync_ProducerThrowsOnOverwrite_KeepsPreviousVersion()
    {
        LakeObjectInfo before = await Store.WriteAsync(P("keep.txt"), Bytes("v1"), LakeWriteMode.Overwrite);

        await Assert.ThrowsAsync<InvalidDataException>(() => Store.WriteStreamAsync(P("keep.txt"), async (s, ct) =>
        {
            await s.WriteAsync(Bytes("v2 partial"), ct);
            throw new InvalidDataException("boom");
        }, LakeWriteMode.Overwrite));

        LakeObject? after = await Store.TryReadAsync(P("keep.txt"));
        Assert.Equal(before, after!.Info);
        Assert.Equal(Bytes("v1"), after.Content.ToArray());
    }

    [Fact]
    public async Task WriteAsync_CancelledToken_ThrowsAndWritesNothing()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.WriteAsync(P("x.txt"), Bytes("x"), LakeWriteMode.Overwrite, cts.Token));

        Assert.Null(await Store.GetInfoAsync(P("x.txt")));
    }

    [Fact]
    public async Task WriteIfMatchAsync_CurrentETag_Replaces()
    {
        LakeObjectInfo first = await Store.WriteAsync(P("m.txt"), Bytes("1"), LakeWriteMode.CreateOnly);

        LakeObjectInfo second = await Store.WriteIfMatchAsync(P("m.txt"), Bytes("2"), first.ETag);

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal(Bytes("2"), (await Store.TryReadAsync(P("m.txt")))!.Content.ToArray());
    }

    [Fact]
    public async Task WriteIfMatchAsync_StaleETag_ThrowsConflictAndKeepsContent()
    {
        LakeObjectInfo first = await Store.WriteAsync(P("m.txt"), Bytes("1"), LakeWriteMode.CreateOnly);
        await Store.WriteIfMatchAsync(P("m.txt"), Bytes("2"), first.ETag);

        var e = await Assert.ThrowsAsync<LakeConflictException>(() => Store.WriteIfMatchAsync(P("m.txt"), Bytes("3"), first.ETag));

        Assert.Equal(P("m.txt"), e.Path);
        Assert.Equal(Bytes("2"), (await Store.TryReadAsync(P("m.txt")))!.Content.ToArray());
    }

    [Fact]
    public async Task WriteIfMatchAsync_MissingObject_ThrowsConflict()
    {
        LakeObjectInfo info = await Store.WriteAsync(P("gone.txt"), Bytes("1"), LakeWriteMode.CreateOnly);
        await Store.DeleteAsync(P("gone.txt"));

        await Assert.ThrowsAsync<LakeConflictException>(() => Store.WriteIfMatchAsync(P("gone.txt"), Bytes("2"), info.ETag));
        Assert.Null(await Store.GetInfoAsync(P("gone.txt")));
    }

    [Fact]
    public async Task WriteAsync_ManyConcurrentCreateOnly_ExactlyOneWins()
    {
        List<int> winners = await StoreRaces.CreateOnlyWinnersAsync(Enumerable.Repeat(Store, 16).ToList(), P("race.txt"));

        int winner = Assert.Single(winners);
        Assert.Equal(Bytes("writer " + winner), (await Store.TryReadAsync(P("race.txt")))!.Content.ToArray());
    }

    [Fact]
    public async Task WriteIfMatchAsync_ConcurrentIncrements_LoseNoUpdate()
    {
        // 6 workers × 10 read / If-Match / retry increments: the total must be exactly 60.
        Assert.Equal(60, await StoreRaces.IncrementConcurrentlyAsync(Enumerable.Repeat(Store, 6).ToList(), P("counter.txt"), 10));
    }

    [Fact]
    public async Task ListAsync_Prefix_ReturnsObjectsBelowInOrdinalOrder()
    {
        string[] names = ["b/2.txt", "a/z.txt", "a/B.txt", "a/a.txt", "a_x/1.txt", "b/10.txt", "a/sub/deep.txt"];
        foreach (string name in names)
        {
            await Store.WriteAsync(P(name), Bytes(name), LakeWriteMode.CreateOnly);
        }

        List<LakeObjectInfo> all = await ListAsync(P(""));
        List<LakeObjectInfo> underA = await ListAsync(P("a"));

        string[] expectedAll = [.. names];
        Array.Sort(expectedAll, StringComparer.Ordinal);
        Assert.Equal(Array.ConvertAll(expectedAll, n => P(n)), all.ConvertAll(i => i.Path));
        // Folder semantics: 'a' does not match 'a_x'.
        Assert.Equal([P("a/B.txt"), P("a/a.txt"), P("a/sub/deep.txt"), P("a/z.txt")], underA.ConvertAll(i => i.Path));
        foreach (LakeObjectInfo info in all)
        {
            Assert.Equal(await Store.GetInfoAsync(info.Path), info);
        }
    }

    [Fact]
    public async Task ListAsync_ExactObjectPath_ReturnsThatObject()
    {
        LakeObjectInfo info = await Store.WriteAsync(P("one/file.txt"), Bytes("1"), LakeWriteMode.CreateOnly);

        Assert.Equal([info], await ListAsync(P("one/file.txt")));
    }

    [Fact]
    public async Task ListAsync_MissingPrefix_ReturnsEmpty()
    {
        Assert.Empty(await ListAsync(P("nothing/here")));
    }

    [Fact]
    public async Task DeleteAsync_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        await Store.WriteAsync(P("d.txt"), Bytes("x"), LakeWriteMode.CreateOnly);

        Assert.True(await Store.DeleteAsync(P("d.txt")));
        Assert.False(await Store.DeleteAsync(P("d.txt")));
        Assert.Null(await Store.TryReadAsync(P("d.txt")));
        Assert.Empty(await ListAsync(P("")));
    }

    [Fact]
    public async Task WriteAsync_CreateOnlyAfterDelete_Succeeds()
    {
        await Store.WriteAsync(P("r.txt"), Bytes("1"), LakeWriteMode.CreateOnly);
        await Store.DeleteAsync(P("r.txt"));

        await Store.WriteAsync(P("r.txt"), Bytes("2"), LakeWriteMode.CreateOnly);

        Assert.Equal(Bytes("2"), (await Store.TryReadAsync(P("r.txt")))!.Content.ToArray());
    }

    protected async Task<List<LakeObjectInfo>> ListAsync(LakePath prefix)
    {
        var result = new List<LakeObjectInfo>();
        await foreach (LakeObjectInfo info in Store.ListAsync(prefix))
        {
            result.Add(info);
        }

        return result;
    }
}
