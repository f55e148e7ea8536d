using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Alpha;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Tests.Meta;

/// <summary>A sleeve built to fail the sign test: writes every atom weight as a positive (long) position, whatever the sleeve's direction.</summary>
internal sealed class FlippedFlattenStage : Stage<SleeveParameters>
{
    public const string Id = "test.flipped_flatten";

    protected override async Task<StageResult> ExecuteAsync(StageContext context, SleeveParameters parameters, CancellationToken cancellationToken)
    {
        string sleeve = StageDatasets.SleeveOf(context, parameters.Sleeve);
        LakeTable weights = await LakeTableStore.ReadAsync(context.Lake, StageDatasets.GoldPart(context, sleeve, "weights"), cancellationToken: cancellationToken);
        double[] w = weights.Doubles("weight");
        var table = new LakeTable(PositionsTable.Dataset,
        [
            ColumnBuffer.Create(ParquetColumn.String("symbol"), weights.Strings("symbol")),
            ColumnBuffer.Create(ParquetColumn.Double("weight"), w),
            ColumnBuffer.Create(ParquetColumn.Double("long_weight"), w),
            ColumnBuffer.Create(ParquetColumn.Double("short_weight"), new double[w.Length]),
        ]);
        await LakeWrites.WriteTableOnceAsync(context.Lake, StageDatasets.GoldPart(context, sleeve, PositionsTable.Dataset), table, cancellationToken);
        return new StageResult { RowsWritten = w.Length };
    }
}
