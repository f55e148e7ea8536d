using System.Buffers.Binary;
using K4os.Compression.LZ4;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Lake.Tests.Parquet;

/// <summary>
/// Page codecs: exact round trips, the deprecated Hadoop-framed LZ4, and corrupt or lying pages (a ZSTD frame
/// that is not one, a declared size that lies, a page that would inflate past its bound) as
/// <see cref="ParquetFormatException"/>s naming file, column and page.
/// </summary>
public sealed class ParquetCompressionTests
{
    private static readonly ParquetSchema Schema = new([ParquetColumn.Int32("id"), ParquetColumn.String("sym")]);

    private static byte[] Block(int length, int seed)
    {
        // Repetitive runs (overlapping back-references) mixed with noise (literals).
        var rng = new Random(seed);
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = i % 1000 < 600 ? (byte)(i % 7) : (byte)rng.Next(256);
        }

        return data;
    }

    [Theory]
    [InlineData(ParquetCodec.Snappy, 0)]
    [InlineData(ParquetCodec.Snappy, 1)]
    [InlineData(ParquetCodec.Snappy, 70_000)]
    [InlineData(ParquetCodec.Zstd, 0)]
    [InlineData(ParquetCodec.Zstd, 1)]
    [InlineData(ParquetCodec.Zstd, 300_000)]
    [InlineData(ParquetCodec.Lz4Raw, 0)]
    [InlineData(ParquetCodec.Lz4Raw, 1)]
    [InlineData(ParquetCodec.Lz4Raw, 300_000)]
    [InlineData(ParquetCodec.Gzip, 70_000)]
    [InlineData(ParquetCodec.Brotli, 70_000)]
    public void CompressDecompress_Block_ExactRoundTrip(ParquetCodec codec, int length)
    {
        byte[] data = Block(length, length);
        using var packed = new ByteBuffer();
        int n = ParquetCompression.Compress(codec, data, packed, compressionLevel: 1);
        byte[] back = new byte[length];

        ParquetCompression.Decompress(codec, packed.WrittenSpan[..n], back, offset: 0, page: 0);

        Assert.Equal(data, back);
    }

    [Fact]
    public void Decompress_HadoopFramedLz4_ConcatenatesTheBlocks()
    {
        // Hadoop framing (parquet-format Compression.md, LZ4): per block, big-endian uncompressed size, big-endian
        // compressed size, then a raw LZ4 block. Two blocks of 40,000 and 25,000 bytes.
        byte[] data = Block(65_000, 5);
        using var framed = new ByteBuffer();
        foreach ((int start, int count) in new[] { (0, 40_000), (40_000, 25_000) })
        {
            byte[] block = new byte[LZ4Codec.MaximumOutputSize(count)];
            int n = LZ4Codec.Encode(data.AsSpan(start, count), block);
            Span<byte> head = framed.GetSpan(8);
            BinaryPrimitives.WriteUInt32BigEndian(head, (uint)count);
            BinaryPrimitives.WriteUInt32BigEndian(head[4..], (uint)n);
            framed.Advance(8);
            framed.Write(block.AsSpan(0, n));
        }

        byte[] back = new byte[data.Length];
        ParquetCompression.Decompress(ParquetCodec.Lz4, framed.WrittenSpan, back, 0, 0);

        Assert.Equal(data, back);
    }

    [Fact]
    public void Decompress_Lz4WithoutHadoopFraming_FallsBackToOneRawBlock()
    {
        // As Arrow does for files of older parquet-cpp: a body that is not Hadoop framing is one raw LZ4 block.
        byte[] data = Block(10_000, 9);
        using var packed = new ByteBuffer();
        int n = ParquetCompression.Compress(ParquetCodec.Lz4Raw, data, packed, 1);
        byte[] back = new byte[data.Length];

        ParquetCompression.Decompress(ParquetCodec.Lz4, packed.WrittenSpan[..n], back, 0, 0);

        Assert.Equal(data, back);
    }

    [Fact]
    public void Decompress_ZstdFrameLargerThanTheDeclaredPage_IsBoundedAndFails()
    {
        // 8 MiB of zeros compress to a few hundred bytes; the page declares 64 KiB: decoding stops at the bound.
        byte[] bomb = new byte[8 << 20];
        using var packed = new ByteBuffer();
        int n = ParquetCompression.Compress(ParquetCodec.Zstd, bomb, packed, 3);
        Assert.True(n < 4096);

        var ex = Assert.Throws<ParquetFormatException>(() => ParquetCompression.Decompress(ParquetCodec.Zstd, packed.WrittenSpan[..n], new byte[1 << 16], 100, 4));

        Assert.Contains("page 4", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("ZSTD", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(100, ex.Offset);
    }

    [Theory]
    [InlineData(ParquetCodec.Zstd)]
    [InlineData(ParquetCodec.Lz4Raw)]
    [InlineData(ParquetCodec.Snappy)]
    public void Read_CorruptFrame_NamesFileColumnAndPage(ParquetCodec codec)
    {
        byte[] data = File(codec);
        (int body, _) = FirstPageOfColumn(data, 0);
        data.AsSpan(body, 8).Fill(0xFF); // the ZSTD magic / the LZ4 first token / the snappy preamble

        ParquetFormatException ex = ReadFails(data);

        Assert.Equal("bad.parquet", ex.File);
        Assert.Equal("id", ex.Column);
        Assert.Equal(0, ex.RowGroup);
        Assert.Contains("page 0", ex.Reason, StringComparison.Ordinal);
        Assert.Contains(ParquetCompression.Name((int)codec), ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ParquetCodec.Zstd, -1)]
    [InlineData(ParquetCodec.Zstd, 1)]
    [InlineData(ParquetCodec.Lz4Raw, -1)]
    [InlineData(ParquetCodec.Lz4Raw, 1)]
    [InlineData(ParquetCodec.Snappy, 1)]
    public void Read_DeclaredUncompressedSizeLies_NamesFileColumnAndPage(ParquetCodec codec, int delta)
    {
        // Column "id" holds 200 distinct INT32s: one PLAIN page of 800 bytes, declared as 800 ± 1 (same varint length).
        byte[] data = File(codec);
        (_, int sizeAt) = FirstPageOfColumn(data, 0);
        int zigzag = 2 * (800 + delta);
        data[sizeAt] = (byte)((zigzag & 0x7F) | 0x80);
        data[sizeAt + 1] = (byte)(zigzag >> 7);

        ParquetFormatException ex = ReadFails(data);

        Assert.Equal("bad.parquet", ex.File);
        Assert.Equal("id", ex.Column);
        Assert.Contains("page 0", ex.Reason, StringComparison.Ordinal);
    }

    private static byte[] File(ParquetCodec codec)
    {
        int[] id = new int[200];
        string?[] sym = new string?[200];
        for (int i = 0; i < id.Length; i++)
        {
            id[i] = i;
            sym[i] = "S" + (i % 3);
        }

        return SampleTables.Write(Schema, [ColumnBuffer.Create(Schema.Columns[0], id), ColumnBuffer.Create(Schema.Columns[1], sym)],
            new ParquetWriterOptions { Codec = codec, WritePageChecksums = false });
    }

    /// <summary>Absolute offsets of the first data page body of a column and of its uncompressed_page_size varint.</summary>
    private static (int Body, int SizeAt) FirstPageOfColumn(byte[] data, int column)
    {
        using ParquetReader r = ParquetReader.Open(data);
        int offset = (int)r.Describe().RowGroups[0].Columns[column].DataPageOffset;
        var reader = new ThriftCompactReader(data.AsSpan(offset), offset);
        ThriftPageHeader.Read(ref reader);
        // Header: field 1 (type, i32: 0x15 + zigzag varint 0x00), field 2 (uncompressed_page_size: 0x15 + varint).
        Assert.Equal(0x15, data[offset]);
        Assert.Equal(0x15, data[offset + 2]);
        return (offset + reader.Position, offset + 3);
    }

    private static ParquetFormatException ReadFails(byte[] data) =>
        Assert.Throws<ParquetFormatException>(() =>
        {
            using ParquetReader r = ParquetReader.Open(data, "bad.parquet");
            for (int g = 0; g < r.RowGroupCount; g++)
            {
                r.ReadRowGroup(g);
            }
        });
}
