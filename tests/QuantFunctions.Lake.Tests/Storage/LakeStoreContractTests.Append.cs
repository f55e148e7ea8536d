using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Tests.Storage;

/// <summary>The contract of <see cref="ILakeStore.AppendAsync"/> and <see cref="ILakeStore.TryReadFromAsync"/>.</summary>
public abstract partial class LakeStoreContractTests
{
    [Fact]
    public async Task AppendAsync_FromNothing_CreatesThenAppendsWithNewETags()
    {
        LakeObjectInfo first = await Store.AppendAsync(P("log.jsonl"), Bytes("a\n"), 0);
        LakeObjectInfo second = await Store.AppendAsync(P("log.jsonl"), Bytes("bc\n"), 2, first.ETag);

        Assert.Equal(2, first.Size);
        Assert.Equal(5, second.Size);
        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal(second, await Store.GetInfoAsync(P("log.jsonl")));
        Assert.Equal(Bytes("a\nbc\n"), (await Store.TryReadAsync(P("log.jsonl")))!.Content.ToArray());
    }

    [Fact]
    public async Task AppendAsync_LengthMovedByAnotherWriter_ConflictAndNothingAppended()
    {
        await Store.AppendAsync(P("log.jsonl"), Bytes("a\n"), 0);
        await Store.AppendAsync(P("log.jsonl"), Bytes("b\n"), 2);

        var e = await Assert.ThrowsAsync<LakeConflictException>(() => Store.AppendAsync(P("log.jsonl"), Bytes("c\n"), 2));
        await Assert.ThrowsAsync<LakeConflictException>(() => Store.AppendAsync(P("absent.jsonl"), Bytes("c\n"), 2));

        Assert.Equal(P("log.jsonl"), e.Path);
        Assert.Equal(Bytes("a\nb\n"), (await Store.TryReadAsync(P("log.jsonl")))!.Content.ToArray());
        Assert.Null(await Store.GetInfoAsync(P("absent.jsonl")));
    }

    [Fact]
    public async Task AppendAsync_ObjectReplacedAtSameLength_ConflictOnStaleETag()
    {
        LakeObjectInfo appended = await Store.AppendAsync(P("log.jsonl"), Bytes("a\n"), 0);
        await Store.WriteAsync(P("log.jsonl"), Bytes("z\n"), LakeWriteMode.Overwrite);

        await Assert.ThrowsAsync<LakeConflictException>(() => Store.AppendAsync(P("log.jsonl"), Bytes("b\n"), 2, appended.ETag));

        Assert.Equal(Bytes("z\n"), (await Store.TryReadAsync(P("log.jsonl")))!.Content.ToArray());
    }

    [Fact]
    public async Task AppendAsync_RetriedAfterItWasApplied_RecognisedAsOwnNotDuplicated()
    {
        // What a retry after a lost answer sends: the same bytes at the same position, after they were appended.
        LakeObjectInfo first = await Store.AppendAsync(P("log.jsonl"), Bytes("a\n"), 0);
        LakeObjectInfo retried = await Store.AppendAsync(P("log.jsonl"), Bytes("a\n"), 0);
        await Store.AppendAsync(P("log.jsonl"), Bytes("b\n"), 2, first.ETag);
        LakeObjectInfo retriedWithETag = await Store.AppendAsync(P("log.jsonl"), Bytes("b\n"), 2, first.ETag);

        Assert.Equal(first.Size, retried.Size);
        Assert.Equal(4, retriedWithETag.Size);
        Assert.Equal(Bytes("a\nb\n"), (await Store.TryReadAsync(P("log.jsonl")))!.Content.ToArray());
    }

    [Fact]
    public async Task AppendAsync_ToObjectWrittenWhole_Appends()
    {
        LakeObjectInfo written = await Store.WriteAsync(P("whole.jsonl"), Bytes("a\n"), LakeWriteMode.CreateOnly);

        LakeObjectInfo appended = await Store.AppendAsync(P("whole.jsonl"), Bytes("b\n"), 2, written.ETag);

        Assert.Equal(4, appended.Size);
        Assert.Equal(Bytes("a\nb\n"), (await Store.TryReadAsync(P("whole.jsonl")))!.Content.ToArray());
    }

    [Theory]
    [InlineData(0, "abcdef")]
    [InlineData(2, "cdef")]
    [InlineData(6, "")]
    [InlineData(9, "")]
    public async Task TryReadFromAsync_Offset_ReturnsTheRestAndTheWholeObjectsInfo(long offset, string expected)
    {
        LakeObjectInfo written = await Store.WriteAsync(P("r.txt"), Bytes("abcdef"), LakeWriteMode.CreateOnly);

        LakeObject? tail = await Store.TryReadFromAsync(P("r.txt"), offset);

        Assert.Equal(Bytes(expected), tail!.Content.ToArray());
        Assert.Equal(written, tail.Info);
        Assert.Null(await Store.TryReadFromAsync(P("missing.txt"), offset));
    }
}
