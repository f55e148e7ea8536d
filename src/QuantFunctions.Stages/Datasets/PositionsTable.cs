using QuantFunctions.Core.Strategies;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Stages.Datasets;

/// <summary>The gold <c>positions</c> dataset: net physical weight per symbol (symbol, weight, long_weight, short_weight).</summary>
public static class PositionsTable
{
    /// <summary>Dataset name under gold.</summary>
    public const string Dataset = "positions";

    /// <summary>Builds the table in the given order.</summary>
    public static LakeTable From(IReadOnlyList<PhysicalWeight> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        int n = positions.Count;
        string[] symbols = new string[n];
        double[] weight = new double[n], longWeight = new double[n], shortWeight = new double[n];
        for (int i = 0; i < n; i++)
        {
            (symbols[i], weight[i], longWeight[i], shortWeight[i]) = (positions[i].Symbol.Value, positions[i].Weight, positions[i].LongWeight, positions[i].ShortWeight);
        }

        return new LakeTable(Dataset,
        [
            ColumnBuffer.Create(ParquetColumn.String("symbol"), symbols),
            ColumnBuffer.Create(ParquetColumn.Double("weight"), weight),
            ColumnBuffer.Create(ParquetColumn.Double("long_weight"), longWeight),
            ColumnBuffer.Create(ParquetColumn.Double("short_weight"), shortWeight),
        ]);
    }
}
