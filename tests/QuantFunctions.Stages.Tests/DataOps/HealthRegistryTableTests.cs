using QuantFunctions.Testing.Lake;
using QuantFunctions.Core.DataQuality;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Tests.DataOps;

/// <summary><see cref="HealthRegistryTable"/> and <see cref="FeaturesTable"/> on hand-built inputs.</summary>
public sealed class HealthRegistryTableTests
{
    private static readonly DateTimeOffset AsOf = new(2024, 1, 3, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A HEALTHY symbol is one row with null rule, severity, detail and timestamp; a DROPPED one a row per reason; all survive a Parquet round trip.</summary>
    [Fact]
    public async Task FromResults_RoundTripThroughParquet_GivesBackEveryReason()
    {
        SymbolHealth[] results =
        [
            new("BINANCE:AAAUSDT", HealthStatus.Healthy, []),
            new("BINANCE:BBBUSDT", HealthStatus.Dropped,
            [
                new HealthReason(HealthRule.Toxicity, HealthStatus.Dropped, "daily return 600 % (1 -> 7) exceeds ±500 %", new DateTimeOffset(2023, 5, 2, 0, 0, 0, TimeSpan.Zero)),
                new HealthReason(HealthRule.Density, HealthStatus.Dropped, "40 of 300 expected sessions missing", null),
            ]),
        ];
        var lake = new InMemoryLakeStore();
        LakePath part = HealthRegistryTable.RunFolder("crypto_spot", "dataops", "1.0.0", "r-1").Append(HealthRegistryTable.PartFile);

        LakeTable table = HealthRegistryTable.FromResults(results, AsOf, "r-1");
        await LakeTableStore.WriteAsync(lake, part, table, LakeWriteMode.CreateOnly);
        HealthRegistry? read = await HealthRegistryTable.ReadAsync(lake, "crypto_spot", "dataops", "1.0.0", null, CancellationToken.None);

        Assert.Equal(3, table.RowCount);
        Assert.NotNull(read);
        Assert.Equal(("r-1", AsOf), (read.RunId, read.AsOf));
        Assert.Equal(results.Length, read.Results.Count);
        for (int i = 0; i < results.Length; i++)
        {
            Assert.Equal((results[i].Symbol, results[i].Status), (read.Results[i].Symbol, read.Results[i].Status));
            Assert.Equal(results[i].Reasons, read.Results[i].Reasons);
        }

        Assert.Equal(["BINANCE:BBBUSDT"], await HealthRegistryTable.TryReadDroppedAsync(lake, part, CancellationToken.None));
        Assert.Null(await HealthRegistryTable.TryReadDroppedAsync(lake, HealthRegistryTable.PartOf("crypto_spot", "dataops", "1.0.0", "r-2"), CancellationToken.None));
    }

    [Fact]
    public void ToResults_UnknownStatus_ThrowsNamingRowAndValue()
    {
        LakeTable table = HealthRegistryTable.FromResults([new SymbolHealth("BINANCE:AAAUSDT", HealthStatus.Healthy, [])], AsOf, "r-1");
        var broken = new LakeTable(table.Name, [.. table.Columns.Select(c => c.Column.Name == "status" ? ColumnBuffer.Create(c.Column, new[] { "FINE" }) : c)]);

        DatasetSchemaException ex = Assert.Throws<DatasetSchemaException>(() => HealthRegistryTable.ToResults(broken));

        Assert.Equal(ErrorCodes.DatasetSchemaMismatch, ex.Code);
        Assert.Contains("row 0 has unknown status 'FINE'", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Two registries of one universe: without --run the one with the later as-of wins even if its run id sorts first.</summary>
    [Fact]
    public async Task ReadAsync_NoRunGiven_PicksTheLatestAsOf()
    {
        var lake = new InMemoryLakeStore();
        foreach ((string run, DateTimeOffset asOf) in new[] { ("b-early", AsOf), ("a-late", AsOf.AddDays(1)) })
        {
            LakePath part = HealthRegistryTable.RunFolder("us_equity", "dataops", "1.0.0", run).Append(HealthRegistryTable.PartFile);
            await LakeTableStore.WriteAsync(lake, part, HealthRegistryTable.FromResults([new SymbolHealth("XNYS:AAA", HealthStatus.Healthy, [])], asOf, run), LakeWriteMode.CreateOnly);
        }

        HealthRegistry? latest = await HealthRegistryTable.ReadAsync(lake, "us_equity", "dataops", "1.0.0", null, CancellationToken.None);
        HealthRegistry? given = await HealthRegistryTable.ReadAsync(lake, "us_equity", "dataops", "1.0.0", "b-early", CancellationToken.None);

        Assert.Equal("a-late", latest?.RunId);
        Assert.Equal("b-early", given?.RunId);
    }
}
