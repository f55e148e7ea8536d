using System.Text.Json;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Parquet;

public sealed class ParquetInspectionTests
{
    private static readonly ParquetSchema Schema = new([
        ParquetColumn.Timestamp("ts", ParquetTimeUnit.Millis),
        ParquetColumn.String("sym", nullable: true),
        ParquetColumn.Decimal("px", 9, 2),
        ParquetColumn.Double("v", nullable: true),
    ]);

    private static ColumnBuffer[] Rows() => [
        // 1704067200000 ms = 2024-01-01T00:00:00Z; +1500 ms.
        ColumnBuffer.Create(Schema.Columns[0], new long[] { 1_704_067_200_000, 1_704_067_201_500 }),
        ColumnBuffer.Create(Schema.Columns[1], new string?[] { "A,B \"x\"", null }),
        ColumnBuffer.Create(Schema.Columns[2], new int[] { 12345, -5 }),
        ColumnBuffer.Create(Schema.Columns[3], new double[] { double.NaN, 0.25 }, new[] { true, true }),
    ];

    [Fact]
    public void Describe_WrittenFile_ReportsCodecStatisticsAndMetadataAsJson()
    {
        byte[] file = SampleTables.Write(Schema, Rows(), new ParquetWriterOptions { Codec = ParquetCodec.Gzip, SchemaVersion = "7" });
        using ParquetReader reader = ParquetReader.Open(file, "x.parquet");

        ParquetFileInfo info = reader.Describe();
        using JsonDocument json = JsonDocument.Parse(info.ToJson());

        ParquetColumnChunkInfo ts = info.RowGroups[0].Columns[0];
        Assert.Equal("GZIP", ts.Codec);
        Assert.Equal("2024-01-01T00:00:00.000Z", ts.Statistics!.Min);
        Assert.Equal("2024-01-01T00:00:01.500Z", ts.Statistics.Max);
        Assert.Equal("-0.05", info.RowGroups[0].Columns[2].Statistics!.Min);
        Assert.Equal("123.45", info.RowGroups[0].Columns[2].Statistics!.Max);
        Assert.Equal(1, info.RowGroups[0].Columns[3].Statistics!.NanCount);
        Assert.Equal("0.25", info.RowGroups[0].Columns[3].Statistics!.Min);
        Assert.Equal(1, info.RowGroups[0].Columns[1].Statistics!.NullCount);
        Assert.Equal("TIMESTAMP(Millis, UTC)", info.Columns[0].LogicalType);
        Assert.Equal(2, json.RootElement.GetProperty("row_count").GetInt64());
        Assert.Equal("7", json.RootElement.GetProperty("key_value_metadata")[0].GetProperty("value").GetString());
    }

    [Fact]
    public void Write_FloatStatistics_FollowFormatNotesNanAndZeroRules()
    {
        // FORMAT-NOTES §8: NaN excluded from min/max and counted; a zero min is written as -0.0, a zero max as +0.0;
        // no min/max when every non-null value is NaN.
        var schema = new ParquetSchema([ParquetColumn.Double("a"), ParquetColumn.Double("b"), ParquetColumn.Double("c")]);
        byte[] file = SampleTables.Write(schema, [
            ColumnBuffer.Create(schema.Columns[0], new[] { 0.0, 1.5, double.NaN }),
            ColumnBuffer.Create(schema.Columns[1], new[] { -2.0, -0.0, double.NaN }),
            ColumnBuffer.Create(schema.Columns[2], new[] { double.NaN, double.NaN, double.NaN })], new ParquetWriterOptions());
        using ParquetReader reader = ParquetReader.Open(file);
        IReadOnlyList<ParquetColumnChunkInfo> chunks = reader.Describe().RowGroups[0].Columns;

        Assert.Equal(("-0", "1.5", 1L), (chunks[0].Statistics!.Min, chunks[0].Statistics!.Max, chunks[0].Statistics!.NanCount!.Value));
        Assert.Equal(("-2", "0"), (chunks[1].Statistics!.Min, chunks[1].Statistics!.Max));
        Assert.Equal((null, null, 3L), (chunks[2].Statistics!.Min, chunks[2].Statistics!.Max, chunks[2].Statistics!.NanCount!.Value));
    }

    [Fact]
    public void Render_CsvAndJsonLines_QuotesEscapesAndNulls()
    {
        var batch = new RowGroupBatch(0, 2, Rows());

        string csv = ParquetRowRenderer.Render(batch, ParquetRowFormat.Csv, 0, 2);
        string jsonl = ParquetRowRenderer.Render(batch, ParquetRowFormat.JsonLines, 0, 2);

        Assert.Equal("2024-01-01T00:00:00.000Z,\"A,B \"\"x\"\"\",123.45,NaN\n2024-01-01T00:00:01.500Z,,-0.05,0.25\n", csv);
        Assert.Equal("{\"ts\":\"2024-01-01T00:00:00.000Z\",\"sym\":\"A,B \\\"x\\\"\",\"px\":\"123.45\",\"v\":\"NaN\"}\n"
            + "{\"ts\":\"2024-01-01T00:00:01.500Z\",\"sym\":null,\"px\":\"-0.05\",\"v\":0.25}\n", jsonl);
    }

    [SharedDataFact]
    public void Describe_DuckDbFixture_MatchesPqInspectRowGroupsAndCodecs()
    {
        string path = SharedData.PathOf("data", "parquet-fixtures", "multi_rowgroup.parquet");
        using ParquetReader reader = ParquetReader.Open(path);
        ParquetFileInfo info = reader.Describe();

        (int exit, string stdout, string stderr) = ParquetKit.Run("pq-inspect.mjs", path);
        Assert.True(exit == 0, stderr);
        using JsonDocument duck = JsonDocument.Parse(stdout);
        JsonElement file = duck.RootElement.GetProperty("files")[0];

        Assert.Equal(file.GetProperty("num_rows").GetInt64(), info.RowCount);
        Assert.Equal(file.GetProperty("num_row_groups").GetInt32(), info.RowGroups.Count);
        for (int g = 0; g < info.RowGroups.Count; g++)
        {
            JsonElement rg = file.GetProperty("row_groups")[g];
            Assert.Equal(rg.GetProperty("num_rows").GetInt64(), info.RowGroups[g].RowCount);
            for (int c = 0; c < info.RowGroups[g].Columns.Count; c++)
            {
                JsonElement col = rg.GetProperty("columns")[c];
                Assert.Equal(col.GetProperty("codec").GetString(), info.RowGroups[g].Columns[c].Codec);
                Assert.Equal(col.GetProperty("total_compressed_size").GetInt64(), info.RowGroups[g].Columns[c].TotalCompressedSize);
            }
        }
    }
}
