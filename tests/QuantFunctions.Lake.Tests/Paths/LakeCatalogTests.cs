using QuantFunctions.Testing.Lake;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Tests.Paths;

public sealed class LakeCatalogTests
{
    private static readonly LakeIdentifier Market = LakeIdentifier.Parse("binance");
    private static readonly LakeIdentifier Product = LakeIdentifier.Parse("spot");
    private static readonly LakeIdentifier Dataset = LakeIdentifier.Parse("ohlcv");

    private static LakePath Part(int year, int month, string batch) =>
        LakePathResolver.BronzePart(Market, Product, Dataset, SchemaVersion.V1, BarInterval.Hourly, year, month, LakeIdentifier.Parse(batch));

    [Fact]
    public async Task ListAsync_BronzeDataset_ReturnsPartitionsInPathOrder()
    {
        var store = new InMemoryLakeStore();
        foreach (LakePath p in new[] { Part(2024, 2, "b2"), Part(2023, 12, "b1"), Part(2024, 2, "b1"), Part(2024, 10, "b3") })
        {
            await store.WriteAsync(p, new byte[] { 1 }, LakeWriteMode.CreateOnly);
        }

        var found = new List<(int, int, string)>();
        await foreach (LakeEntry e in LakeCatalog.ListAsync(store, LakePathResolver.BronzeDataset(Market, Product, Dataset, SchemaVersion.V1, BarInterval.Hourly), LakeObjectKind.BronzePart))
        {
            found.Add((e.Location.Year!.Value, e.Location.Month!.Value, e.Location.Batch!.Value.Value));
        }

        Assert.Equal([(2023, 12, "b1"), (2024, 2, "b1"), (2024, 2, "b2"), (2024, 10, "b3")], found);
    }

    [Fact]
    public async Task ListAsync_ForeignObject_ThrowsNamingIt()
    {
        var store = new InMemoryLakeStore();
        LakePath dataset = LakePathResolver.BronzeDataset(Market, Product, Dataset, SchemaVersion.V1, BarInterval.Daily);
        await store.WriteAsync(dataset.Append("year=2024/notes.txt"), new byte[] { 1 }, LakeWriteMode.CreateOnly);

        var e = await Assert.ThrowsAsync<LakePathFormatException>(async () =>
        {
            await foreach (LakeEntry _ in LakeCatalog.ListAsync(store, dataset))
            {
            }
        });

        Assert.EndsWith("notes.txt", e.Path.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_WrongKind_Throws()
    {
        var store = new InMemoryLakeStore();
        LakePath run = LakePathResolver.RunRecord(LakeIdentifier.Parse("s"), RunId.Parse("r"));
        await store.WriteAsync(run, new byte[] { 1 }, LakeWriteMode.CreateOnly);

        await Assert.ThrowsAsync<LakePathFormatException>(async () =>
        {
            await foreach (LakeEntry _ in LakeCatalog.ListAsync(store, LakePathResolver.MetaRoot, LakeObjectKind.AuditLedger))
            {
            }
        });
    }
}
