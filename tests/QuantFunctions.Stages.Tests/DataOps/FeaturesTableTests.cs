using QuantFunctions.Core.Features;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Tests.DataOps;

/// <summary><see cref="FeaturesTable.FromBlocks"/> on hand-built blocks.</summary>
public sealed class FeaturesTableTests
{
    /// <summary>
    /// Two symbols spanning 2022-12-30 … 2023-01-02 (4 daily rows each): the 2022 table holds rows 0–1 of each and the
    /// 2023 table rows 2–3, in block order, with every column copied (value = 1000·column + 10·symbol + row).
    /// </summary>
    [Fact]
    public void FromBlocks_YearSplit_KeepsRowsOfThatYearWithEveryColumn()
    {
        FeatureBlock[] blocks = [Block("A:X", 0), Block("A:Y", 1)];

        LakeTable y2022 = FeaturesTable.FromBlocks(blocks, 2022), y2023 = FeaturesTable.FromBlocks(blocks, 2023), y2024 = FeaturesTable.FromBlocks(blocks, 2024);

        Assert.Equal((4, 4, 0), (y2022.RowCount, y2023.RowCount, y2024.RowCount));
        Assert.Equal(["A:X", "A:X", "A:Y", "A:Y"], y2023.Strings("symbol"));
        Assert.Equal(3 + FeatureColumns.All.Count, y2023.Columns.Count);
        Assert.Equal(FeaturesTable.ToMicros(new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero)), y2023.Timestamps("ts")[0]);
        Assert.Equal(FeaturesTable.ToMicros(new DateTimeOffset(2023, 1, 2, 0, 0, 0, TimeSpan.Zero)), y2023.Timestamps("known_at")[0]);
        for (int j = 0; j < FeatureColumns.All.Count; j++)
        {
            Assert.Equal([(1000.0 * j) + 2, (1000.0 * j) + 3, (1000.0 * j) + 12, (1000.0 * j) + 13], y2023.Doubles(FeatureColumns.All[j]));
        }
    }

    private static FeatureBlock Block(string symbol, int index)
    {
        const int rows = 4;
        var ts = new DateTimeOffset[rows];
        var knownAt = new DateTimeOffset[rows];
        for (int i = 0; i < rows; i++)
        {
            ts[i] = new DateTimeOffset(2022, 12, 30, 0, 0, 0, TimeSpan.Zero).AddDays(i);
            knownAt[i] = ts[i].AddDays(1);
        }

        var values = new double[rows * FeatureColumns.All.Count];
        for (int j = 0; j < FeatureColumns.All.Count; j++)
        {
            for (int i = 0; i < rows; i++)
            {
                values[(j * rows) + i] = (1000.0 * j) + (10 * index) + i;
            }
        }

        return new FeatureBlock(symbol, ts, knownAt, values);
    }
}
