using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Lake.Tests.Parquet.Fuzzing;

/// <summary>
/// Hand-built hostile files (issue 12): a few kilobytes that declare gigabytes. Each is a valid file written by the
/// lake writer with one page body or footer field replaced, page CRCs recomputed, so the reader's checks — not the
/// CRC — must stop it.
/// </summary>
internal static class HostileFiles
{
    /// <summary>
    /// A BYTE_ARRAY/STRING column of <paramref name="values"/> rows in one DELTA_BYTE_ARRAY page where every value
    /// reuses the whole previous value as its prefix and adds one byte: value i has i + 1 bytes, Σ ≈ values²/2
    /// (65,536 values: a 70 KB page expanding to 2 GiB).
    /// </summary>
    public static byte[] DeltaByteArrayExpansion(int values, bool strings = true)
    {
        long[] prefixes = new long[values];
        var suffixes = new byte[values][];
        for (int i = 0; i < values; i++)
        {
            prefixes[i] = i;
            suffixes[i] = "a"u8.ToArray();
        }

        ParquetColumn column = strings ? ParquetColumn.String("s") : ParquetColumn.Binary("s");
        return WithDataPage(column, values, encoding: 7, DeltaEncoder.ByteArray(prefixes, suffixes), ParquetCodec.Uncompressed);
    }

    /// <summary>
    /// <paramref name="columns"/> INT64 columns holding 10 rows whose footer declares <paramref name="declaredRows"/>
    /// rows (row group, chunks and file): the column buffers would be allocated before any page is read.
    /// </summary>
    public static byte[] HugeDeclaredRowCount(int declaredRows, int columns = 3)
    {
        var schemaColumns = new ParquetColumn[columns];
        var buffers = new ColumnBuffer[columns];
        for (int c = 0; c < columns; c++)
        {
            schemaColumns[c] = ParquetColumn.Int64($"c{c}");
            buffers[c] = ColumnBuffer.Create(schemaColumns[c], new long[10]);
        }

        byte[] file = SampleTables.Write(new ParquetSchema(schemaColumns), buffers, new ParquetWriterOptions { Codec = ParquetCodec.Uncompressed });
        return ParquetFileModel.Parse(file).ToBytes(editFooter: meta =>
        {
            meta.NumRows = declaredRows;
            meta.RowGroups[0].NumRows = declaredRows;
            foreach (ThriftColumnChunk chunk in meta.RowGroups[0].Columns)
            {
                chunk.NumValues = declaredRows;
            }
        });
    }

    /// <summary>
    /// One INT64 column whose only page is compressed with <paramref name="codec"/> but whose header declares
    /// <paramref name="declaredSize"/> uncompressed bytes (a "zip bomb" that lies about its size).
    /// </summary>
    public static byte[] LyingUncompressedSize(ParquetCodec codec, int rows, int declaredSize)
    {
        ParquetModelPage target = DataPage(ParquetColumn.Int64("v"), rows, codec);
        target.Page.Header.UncompressedSize = declaredSize;
        return target.Model.ToBytes();
    }

    /// <summary>One INT64 column in a ZSTD page whose frame has <paramref name="flips"/> bytes overwritten (CRC recomputed).</summary>
    public static byte[] CorruptZstdFrame(int rows, int seed, int flips = 4)
    {
        ParquetModelPage target = DataPage(ParquetColumn.Int64("v"), rows, ParquetCodec.Zstd);
        var rng = new Random(seed);
        byte[] body = target.Page.Body;
        for (int i = 0; i < flips; i++)
        {
            // Past the 4-byte magic, so the frame is recognised as ZSTD and its content is what is corrupt.
            body[4 + rng.Next(body.Length - 4)] ^= (byte)(1 + rng.Next(255));
        }

        return target.Model.ToBytes();
    }

    /// <summary>A one-column file of <paramref name="rows"/> rows whose single data page body is <paramref name="plainBody"/> in <paramref name="encoding"/>, compressed with <paramref name="codec"/>.</summary>
    public static byte[] WithDataPage(ParquetColumn column, int rows, int encoding, byte[] plainBody, ParquetCodec codec)
    {
        ParquetModelPage target = DataPage(column, rows, codec);
        target.Page.Header.Encoding = encoding;
        target.Model.Deflate(0, 0, target.Page, plainBody);
        return target.Model.ToBytes();
    }

    /// <summary>A one-column file of <paramref name="rows"/> placeholder rows in one PLAIN data page, compressed with <paramref name="codec"/>, parsed for editing.</summary>
    private static ParquetModelPage DataPage(ParquetColumn column, int rows, ParquetCodec codec)
    {
        Array values = column.Storage switch
        {
            ColumnStorage.Int64 => Enumerable.Range(0, rows).Select(i => (long)i * 7919).ToArray(),
            ColumnStorage.String => Enumerable.Repeat("a", rows).ToArray(),
            _ => Enumerable.Repeat(new byte[] { 1 }, rows).ToArray(),
        };
        var options = new ParquetWriterOptions { Codec = codec, EnableDictionary = false, DataPageBytes = 64 * 1024 * 1024, RowGroupRows = Math.Max(rows, 1) };
        ParquetFileModel model = ParquetFileModel.Parse(SampleTables.Write(new ParquetSchema([column]), [ColumnBuffer.Create(column, values)], options));
        return new ParquetModelPage(model, model.Chunks[0][0].Single(p => p.IsData));
    }
}
