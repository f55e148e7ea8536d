using QuantFunctions.Testing.Lake;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Tests.Storage;

public sealed class WriteRestrictedLakeStoreTests
{
    [Theory]
    [InlineData("silver/u/p/version=1.0.0/d/year=2024/part-00000.parquet")]
    [InlineData("bronze/binance/spot/ohlcv/schema=v1/interval=1d/year=2024/part-b.parquet")]
    [InlineData("raw/binance/api/ingest_date=2024-01-01/b.json")]
    [InlineData("golden/x.txt")]
    [InlineData("gold")]
    public async Task WriteAsync_OutsideModelRoots_ThrowsAccessDeniedNamingPathAndRoots(string path)
    {
        var inner = new InMemoryLakeStore();
        var view = WriteRestrictedLakeStore.ForModelPipelines(inner);

        var e = await Assert.ThrowsAsync<LakeAccessDeniedException>(() => view.WriteAsync(LakePath.Parse(path), new byte[] { 1 }, LakeWriteMode.Overwrite));

        Assert.Equal(ErrorCodes.LakeAccessDenied, e.Code);
        Assert.Equal(path, e.Path.Value);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("gold/, models/, _meta/", e.Message, StringComparison.Ordinal);
        Assert.Null(await inner.GetInfoAsync(LakePath.Parse(path)));
    }

    [Fact]
    public async Task WriteStreamIfMatchAndDelete_OutsideRoots_AreDenied()
    {
        var inner = new InMemoryLakeStore();
        LakePath silver = LakePath.Parse("silver/u/x.bin");
        LakeObjectInfo info = await inner.WriteAsync(silver, new byte[] { 1 }, LakeWriteMode.CreateOnly);
        var view = WriteRestrictedLakeStore.ForModelPipelines(inner);

        await Assert.ThrowsAsync<LakeAccessDeniedException>(() => view.WriteStreamAsync(silver, (_, _) => Task.CompletedTask, LakeWriteMode.Overwrite));
        await Assert.ThrowsAsync<LakeAccessDeniedException>(() => view.WriteIfMatchAsync(silver, new byte[] { 2 }, info.ETag));
        await Assert.ThrowsAsync<LakeAccessDeniedException>(() => view.DeleteAsync(silver));
        Assert.Equal(info, await inner.GetInfoAsync(silver));
    }

    [Fact]
    public async Task Reads_AnyLayer_PassThrough()
    {
        var inner = new InMemoryLakeStore();
        LakePath silver = LakePath.Parse("silver/u/x.bin");
        await inner.WriteAsync(silver, new byte[] { 7 }, LakeWriteMode.CreateOnly);
        var view = WriteRestrictedLakeStore.ForModelPipelines(inner);

        Assert.Equal(new byte[] { 7 }, (await view.TryReadAsync(silver))!.Content.ToArray());
        Assert.NotNull(await view.GetInfoAsync(silver));
        await using Stream s = await view.OpenReadAsync(silver);
        Assert.Equal(7, s.ReadByte());
    }

    [Fact]
    public void Constructor_LakeRootAllowed_Throws()
    {
        Assert.Throws<ArgumentException>(() => new WriteRestrictedLakeStore(new InMemoryLakeStore(), [LakePath.Root]));
        Assert.Throws<ArgumentException>(() => new WriteRestrictedLakeStore(new InMemoryLakeStore(), []));
    }
}
