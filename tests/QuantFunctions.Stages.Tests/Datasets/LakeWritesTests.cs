using System.Text;
using QuantFunctions.Testing.Lake;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Tests.Datasets;

public sealed class LakeWritesTests
{
    private static readonly LakePath Weights = LakePath.Parse("gold/crypto_long/meta/version=1.0.0/weights/run=r1/part-00000.parquet");

    private static LakeTable Table(double weight) => new("weights",
    [
        ColumnBuffer.Create(ParquetColumn.String("atom"), new[] { "momentum/BINANCE:BTCUSDT/LONG" }),
        ColumnBuffer.Create(ParquetColumn.Double("weight"), new[] { weight }),
    ]);

    [Fact]
    public async Task WriteTableOnce_IdenticalContent_IsANoOp()
    {
        var lake = new InMemoryLakeStore();
        LakeObjectInfo first = await LakeWrites.WriteTableOnceAsync(lake, Weights, Table(1.0), CancellationToken.None);
        byte[] stored = (await lake.TryReadAsync(Weights))!.Content.ToArray();

        LakeObjectInfo again = await LakeWrites.WriteTableOnceAsync(lake, Weights, Table(1.0), CancellationToken.None);

        Assert.Equal(first.ETag, again.ETag);
        Assert.Equal(stored, (await lake.TryReadAsync(Weights))!.Content.ToArray());
    }

    [Fact]
    public async Task WriteTableOnce_DifferentContent_ThrowsConflictNamingPathAndKeepsTheOriginal()
    {
        var lake = new InMemoryLakeStore();
        await LakeWrites.WriteTableOnceAsync(lake, Weights, Table(1.0), CancellationToken.None);

        LakeConflictException error = await Assert.ThrowsAsync<LakeConflictException>(() => LakeWrites.WriteTableOnceAsync(lake, Weights, Table(0.5), CancellationToken.None));

        Assert.Equal(ErrorCodes.LakeConflict, error.Code);
        Assert.Contains(Weights.Value, error.Message, StringComparison.Ordinal);
        LakeTable kept = await LakeTableStore.ReadAsync(lake, Weights);
        Assert.Equal([1.0], kept.Doubles("weight"));
    }

    [Fact]
    public async Task WriteBytesOnce_SameBytesThenDifferentBytes_NoOpThenConflict()
    {
        var lake = new InMemoryLakeStore();
        LakePath json = LakePath.Parse("gold/meta/meta/version=1.0.0/orders/run=r1/orders.json");
        await LakeWrites.WriteBytesOnceAsync(lake, json, Encoding.UTF8.GetBytes("{\"orders\":[]}"), CancellationToken.None);

        await LakeWrites.WriteBytesOnceAsync(lake, json, Encoding.UTF8.GetBytes("{\"orders\":[]}"), CancellationToken.None);
        LakeConflictException error = await Assert.ThrowsAsync<LakeConflictException>(
            () => LakeWrites.WriteBytesOnceAsync(lake, json, Encoding.UTF8.GetBytes("{\"orders\":[1]}"), CancellationToken.None));

        Assert.Equal(ErrorCodes.LakeConflict, error.Code);
        Assert.Contains(json.Value, error.Message, StringComparison.Ordinal);
        Assert.Equal("{\"orders\":[]}", Encoding.UTF8.GetString((await lake.TryReadAsync(json))!.Content.Span));
    }

    [Fact]
    public async Task ModelPipelineView_WriteToSilver_IsDeniedAndWritesNothing()
    {
        var inner = new InMemoryLakeStore();
        WriteRestrictedLakeStore view = WriteRestrictedLakeStore.ForModelPipelines(inner);
        LakePath silver = LakePath.Parse("silver/crypto_spot/dataops/version=1.0.0/returns/year=2024/part-00000.parquet");

        LakeAccessDeniedException error = await Assert.ThrowsAsync<LakeAccessDeniedException>(() => LakeWrites.WriteTableOnceAsync(view, silver, Table(1.0), CancellationToken.None));
        await LakeWrites.WriteTableOnceAsync(view, Weights, Table(1.0), CancellationToken.None);

        Assert.Equal(ErrorCodes.LakeAccessDenied, error.Code);
        Assert.Contains(silver.Value, error.Message, StringComparison.Ordinal);
        Assert.Null(await inner.GetInfoAsync(silver));
        Assert.NotNull(await inner.GetInfoAsync(Weights)); // gold is the model pipelines' to write
    }
}
