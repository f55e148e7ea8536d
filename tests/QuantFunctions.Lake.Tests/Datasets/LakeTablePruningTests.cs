using QuantFunctions.Testing.Lake;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Tests.Datasets;

/// <summary>As-of and date-window reads skip row groups by footer statistics, and count them.</summary>
public sealed class LakeTablePruningTests
{
    private static readonly ParquetColumn KnownAt = ParquetColumn.Timestamp("known_at");
    private static readonly ParquetColumn Ret = ParquetColumn.Double("ret");
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>One file of 10 daily rows in 4 row groups of ≤ 3 rows: days 0-2, 3-5, 6-8, 9.</summary>
    private static async Task<(InMemoryLakeStore Store, LakePath Path)> FileAsync(string path = "silver/u/p/version=1.0.0/returns/year=2024/part-00000.parquet")
    {
        long[] knownAt = new long[10];
        double[] ret = new double[10];
        for (int i = 0; i < knownAt.Length; i++)
        {
            knownAt[i] = (Day0.AddDays(i).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
            ret[i] = i / 100.0;
        }

        var store = new InMemoryLakeStore();
        LakePath p = LakePath.Parse(path);
        await LakeTableStore.WriteAsync(store, p, new LakeTable("returns", [ColumnBuffer.Create(KnownAt, knownAt), ColumnBuffer.Create(Ret, ret)]),
            LakeWriteMode.CreateOnly, new ParquetWriterOptions { RowGroupRows = 3 });
        return (store, p);
    }

    [Fact]
    public async Task ReadPruned_AsOfDay4_SkipsTheTwoLaterRowGroups()
    {
        (InMemoryLakeStore store, LakePath path) = await FileAsync();
        var stats = new LakeReadStats();

        LakeTable table = await LakeTableStore.ReadPrunedAsync(store, path, ParquetRangePredicate.TimestampRange("known_at", null, Day0.AddDays(4)), stats);

        // Groups 0 (days 0-2) and 1 (days 3-5) may hold rows known by day 4; groups 2 (6-8) and 3 (9) cannot.
        Assert.Equal(2, stats.RowGroupsSkipped);
        Assert.Equal(2, stats.RowGroupsRead);
        Assert.Equal(1, stats.Files);
        Assert.Equal(6, table.RowCount);
        Assert.Equal([0.00, 0.01, 0.02, 0.03, 0.04, 0.05], table.Doubles("ret"));
    }

    [Fact]
    public async Task ReadDatasetPruned_DateWindow_SkipsRowGroupsOutsideOnBothSides()
    {
        (InMemoryLakeStore store, _) = await FileAsync();
        var stats = new LakeReadStats();

        (LakeTable table, _) = await LakeTableStore.ReadDatasetPrunedAsync(store, LakePath.Parse("silver/u/p/version=1.0.0/returns"),
            ParquetRangePredicate.TimestampRange("known_at", Day0.AddDays(4), Day0.AddDays(7)), stats);

        // Window [day 4, day 7]: groups 1 (3-5) and 2 (6-8) decoded; 0 (0-2) and 3 (9) skipped.
        Assert.Equal(2, stats.RowGroupsSkipped);
        Assert.Equal(6, table.RowCount);
        Assert.Equal(0.03, table.Doubles("ret")[0]);
    }

    [Fact]
    public async Task ReadPruned_AsOfBeforeEveryRow_EmptyTableWithTheSchema()
    {
        (InMemoryLakeStore store, LakePath path) = await FileAsync();
        var stats = new LakeReadStats();

        LakeTable table = await LakeTableStore.ReadPrunedAsync(store, path, ParquetRangePredicate.TimestampRange("known_at", null, Day0.AddDays(-1)), stats);

        Assert.Equal(4, stats.RowGroupsSkipped);
        Assert.Equal(0, table.RowCount);
        Assert.Equal(["known_at", "ret"], [table.Columns[0].Column.Name, table.Columns[1].Column.Name]);
    }
}
