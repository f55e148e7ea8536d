using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Lake.Tests.Parquet;

/// <summary>Write → read round trips through our own codec (no shared data needed).</summary>
public sealed class ParquetRoundTripTests
{
    [Theory]
    [InlineData(ParquetCodec.Uncompressed, true)]
    [InlineData(ParquetCodec.Snappy, true)]
    [InlineData(ParquetCodec.Gzip, false)]
    [InlineData(ParquetCodec.Brotli, true)]
    [InlineData(ParquetCodec.Zstd, true)]
    [InlineData(ParquetCodec.Zstd, false)]
    [InlineData(ParquetCodec.Lz4Raw, true)]
    [InlineData(ParquetCodec.Lz4Raw, false)]
    public async Task WriteRead_AllTypes_RowsIdentical(ParquetCodec codec, bool dictionary)
    {
        ColumnBuffer[] columns = SampleTables.AllTypesRows(3000, seed: 7);
        byte[] file = SampleTables.Write(SampleTables.AllTypes, columns,
            new ParquetWriterOptions { Codec = codec, RowGroupRows = 1000, DataPageBytes = 2048, EnableDictionary = dictionary });

        using ParquetReader reader = ParquetReader.Open(file, "mem.parquet");
        List<string> rows = await CanonicalJson.ReadRowsAsync(reader);

        Assert.Equal(3, reader.RowGroupCount);
        Assert.Equal(SampleTables.CanonicalRows(columns), rows);
    }

    [Fact]
    public void Write_SchemaVersionAndFingerprint_ReadBackFromKeyValueMetadata()
    {
        var schema = new ParquetSchema([ParquetColumn.Int64("x")]);
        byte[] file = SampleTables.Write(schema, [ColumnBuffer.Create(schema.Columns[0], new long[] { 1, 2, 3 })],
            new ParquetWriterOptions { SchemaVersion = "bars/v3", ContentFingerprint = "sha256:abc", KeyValueMetadata = new Dictionary<string, string> { ["owner"] = "quant" } });

        using ParquetReader reader = ParquetReader.Open(file);

        Assert.Equal("bars/v3", reader.SchemaVersion);
        Assert.Equal("sha256:abc", reader.ContentFingerprint);
        Assert.Equal("quant", reader.KeyValueMetadata["owner"]);
    }

    [Fact]
    public async Task Write_ManyBatches_FlushesOneRowGroupAtATime()
    {
        var schema = new ParquetSchema([ParquetColumn.Int64("x")]);
        using var ms = new MemoryStream();
        await using (var writer = new ParquetWriter(ms, schema, new ParquetWriterOptions { RowGroupRows = 1000 }))
        {
            for (int k = 0; k < 25; k++)
            {
                long[] v = new long[130];
                for (int i = 0; i < v.Length; i++)
                {
                    v[i] = (k * 130) + i;
                }

                await writer.WriteAsync([ColumnBuffer.Create(schema.Columns[0], v)]);
                // 130 rows per batch: a row group is flushed every time 1000 rows are pending, never more.
                Assert.Equal((k + 1) * 130 / 1000, writer.RowGroupsWritten);
            }

            await writer.CompleteAsync();
        }

        using ParquetReader reader = ParquetReader.Open(ms.ToArray());
        Assert.Equal(4, reader.RowGroupCount);
        Assert.Equal(3250, reader.RowCount);
        RowGroupBatch last = reader.ReadRowGroup(3);
        Assert.Equal(250, last.RowCount);
        Assert.Equal(3249, last.Columns[0].Int64s![249]);
    }

    [Fact]
    public void Read_Projection_DecodesOnlyRequestedColumnsInOrder()
    {
        ColumnBuffer[] columns = SampleTables.AllTypesRows(100, seed: 3);
        byte[] file = SampleTables.Write(SampleTables.AllTypes, columns, new ParquetWriterOptions());
        using ParquetReader reader = ParquetReader.Open(file);

        RowGroupBatch b = reader.ReadRowGroup(0, ["f64", "id"]);

        Assert.Equal(["f64", "id"], [b.Columns[0].Column.Name, b.Columns[1].Column.Name]);
        Assert.Equal(columns[5].Doubles, b.Columns[0].Doubles);
        Assert.Equal(columns[0].Int64s, b.Columns[1].Int64s);
    }

    [Fact]
    public async Task ReadAsync_TimeWindowOnSortedTimestamp_DecodesOnlyOverlappingRowGroups()
    {
        // 10 row groups of 100 hourly bars from 2024-01-01T00:00Z: row group g covers hours [100g, 100g + 99].
        var schema = new ParquetSchema([ParquetColumn.Timestamp("ts", ParquetTimeUnit.Micros), ParquetColumn.Double("close")]);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        long[] ts = new long[1000];
        double[] close = new double[1000];
        for (int i = 0; i < ts.Length; i++)
        {
            ts[i] = (start.AddHours(i) - DateTimeOffset.UnixEpoch).Ticks / 10;
            close[i] = 100 + i;
        }

        byte[] file = SampleTables.Write(schema, [ColumnBuffer.Create(schema.Columns[0], ts), ColumnBuffer.Create(schema.Columns[1], close)],
            new ParquetWriterOptions { RowGroupRows = 100 });
        using ParquetReader reader = ParquetReader.Open(file, "bars.parquet");

        // Window hours 250..420 overlaps row groups 2, 3 and 4 only.
        var options = new ParquetReadOptions { Predicate = ParquetRangePredicate.TimestampRange("ts", start.AddHours(250), start.AddHours(420)) };
        var seen = new List<int>();
        await foreach (RowGroupBatch b in reader.ReadAsync(options))
        {
            seen.Add(b.RowGroupIndex);
        }

        Assert.Equal([2, 3, 4], seen);
        Assert.Equal(3, reader.RowGroupsDecoded);
        Assert.Equal(7, reader.RowGroupsSkipped);
    }

    [Fact]
    public async Task OpenAsync_FileStream_ReadsSameRowsAsMemory()
    {
        ColumnBuffer[] columns = SampleTables.AllTypesRows(500, seed: 9);
        byte[] file = SampleTables.Write(SampleTables.AllTypes, columns, new ParquetWriterOptions { RowGroupRows = 200 });
        string path = Path.Combine(Path.GetTempPath(), $"qf-open-async-{Environment.ProcessId}.parquet");
        await File.WriteAllBytesAsync(path, file);
        try
        {
            await using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            await using ParquetReader reader = await ParquetReader.OpenAsync(fs, "async.parquet");
            List<string> rows = await CanonicalJson.ReadRowsAsync(reader);

            Assert.Equal(SampleTables.CanonicalRows(columns), rows);
            Assert.Equal(3, reader.RowGroupsDecoded);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MayMatch_AllNullChunk_ExcludedByAnyRange()
    {
        var schema = new ParquetSchema([ParquetColumn.Double("x", nullable: true)]);
        byte[] file = SampleTables.Write(schema, [ColumnBuffer.Create(schema.Columns[0], new double[3], new bool[3])], new ParquetWriterOptions());
        using ParquetReader reader = ParquetReader.Open(file);

        Assert.False(reader.MayMatch(0, ParquetRangePredicate.DoubleRange("x", null, null)));
        Assert.Equal(3, reader.ReadRowGroup(0).Columns[0].NullCount);
    }

    [Fact]
    public void Write_NoRows_FileWithSchemaAndNoRowGroups()
    {
        var schema = new ParquetSchema([ParquetColumn.Int64("x"), ParquetColumn.String("s", nullable: true)]);
        using var ms = new MemoryStream();
        using (var writer = new ParquetWriter(ms, schema))
        {
            writer.Complete();
        }

        using ParquetReader reader = ParquetReader.Open(ms.ToArray());
        Assert.Equal(0, reader.RowCount);
        Assert.Equal(0, reader.RowGroupCount);
        Assert.Equal(schema.Columns, reader.Schema.Columns);
    }

    [Fact]
    public void Writer_UnsupportedCodec_ThrowsNamingTheCodec()
    {
        // The deprecated Hadoop-framed LZ4 is read, never written (parquet-format: use LZ4_RAW); LZO not at all.
        var lz4 = Assert.Throws<ParquetNotSupportedException>(() => new ParquetWriterOptions { Codec = ParquetCodec.Lz4 });
        Assert.Equal(ErrorCodes.ParquetUnsupported, lz4.Code);
        Assert.Contains("LZ4", lz4.Message, StringComparison.Ordinal);
        var lzo = Assert.Throws<ParquetNotSupportedException>(() => new ParquetWriterOptions { Codec = ParquetCodec.Lzo });
        Assert.Equal(ErrorCodes.ParquetUnsupported, lzo.Code);
        Assert.Contains("LZO", lzo.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NullInRequiredColumn_ThrowsNamingTheColumn()
    {
        var schema = new ParquetSchema([ParquetColumn.String("s")]);
        var ex = Assert.Throws<ArgumentException>(() => SampleTables.Write(schema, [ColumnBuffer.Create(schema.Columns[0], new string?[] { "a", null })], new ParquetWriterOptions()));
        Assert.Contains("'s'", ex.Message, StringComparison.Ordinal);
    }
}
