using System.Text;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Lake.Tests.Parquet.Fuzzing;

namespace QuantFunctions.Lake.Tests.Parquet;

/// <summary>
/// The per-read memory budget (issue 12 item 3): hostile files that declare gigabytes in kilobytes are refused before
/// allocating, with a <see cref="ParquetFormatException"/> naming file, column and budget; honest files read.
/// </summary>
public sealed class ParquetReadBudgetTests
{
    [Fact]
    public void ReadRowGroup_DeltaByteArrayReusingWholePreviousValue_RefusedBeforeExpanding()
    {
        byte[] file = HostileFiles.DeltaByteArrayExpansion(65_536);
        Assert.InRange(file.Length, 60_000, 80_000);   // ~70 KB that would expand to Σ(i + 1) = 2.1 GB

        (ParquetFormatException ex, long allocated) = ReadExpectingError(file, new ParquetReaderOptions());

        Assert.Equal(ErrorCodes.ParquetReadBudgetExceeded, ex.Code);
        Assert.Equal(ParquetReaderOptions.DefaultMaxReadBytes, ex.ReadBudget);
        Assert.Equal("hostile.parquet", ex.File);
        Assert.Equal("s", ex.Column);
        Assert.Equal(0, ex.RowGroup);
        Assert.Contains("DELTA_BYTE_ARRAY values expanding to 2147516416 bytes", ex.Message, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, 16L << 20);
    }

    [Fact]
    public void ReadRowGroup_DeltaByteArrayExpansionOfBinaries_RefusedBeforeExpanding()
    {
        (ParquetFormatException ex, long allocated) = ReadExpectingError(HostileFiles.DeltaByteArrayExpansion(65_536, strings: false), new ParquetReaderOptions());

        Assert.Equal(ErrorCodes.ParquetReadBudgetExceeded, ex.Code);
        Assert.Equal(ParquetReaderOptions.DefaultMaxReadBytes, ex.ReadBudget);
        Assert.InRange(allocated, 0, 16L << 20);
    }

    [Fact]
    public void ReadRowGroup_DeltaByteArrayExpansionWithinBudget_ReadsEveryValue()
    {
        using ParquetReader reader = ParquetReader.Open(HostileFiles.DeltaByteArrayExpansion(2_000), "growing.parquet");

        string?[] values = reader.ReadRowGroup(0).Column("s").Strings!;

        Assert.Equal(2_000, values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            Assert.Equal(new string('a', i + 1), values[i]);
        }
    }

    [Fact]
    public void ReadRowGroup_DeltaByteArraySharedPrefixes_ReadsValues()
    {
        string[] expected = ["apple", "applesauce", "apply", "banana", "", "band", "bandana", "€uro", "€urozone"];
        byte[] body = DeltaEncoder.ByteArray(expected.Select(Encoding.UTF8.GetBytes).ToArray());
        byte[] file = HostileFiles.WithDataPage(ParquetColumn.String("s"), expected.Length, encoding: 7, body, ParquetCodec.Snappy);
        using ParquetReader reader = ParquetReader.Open(file, "prefixes.parquet");

        Assert.Equal(expected, reader.ReadRowGroup(0).Column("s").Strings!);
    }

    [Fact]
    public void ReadRowGroup_DeltaByteArrayPrefixLongerThanPreviousValue_TypedError()
    {
        byte[] body = DeltaEncoder.ByteArray([0, 5], [[1, 2], [3]]);
        byte[] file = HostileFiles.WithDataPage(ParquetColumn.Binary("s"), 2, encoding: 7, body, ParquetCodec.Uncompressed);

        (ParquetFormatException ex, _) = ReadExpectingError(file, new ParquetReaderOptions());

        Assert.Equal(ErrorCodes.ParquetMalformed, ex.Code);
        Assert.Null(ex.ReadBudget);
        Assert.Contains("prefix length 5 exceeds the previous value (2 bytes)", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRowGroup_DeltaByteArrayOnFloat16Column_NotSupportedInsteadOfInvalidCast()
    {
        // Before: DELTA_BYTE_ARRAY on FLOAT16 (values in a float[]) threw InvalidCastException, and on other FIXED_LEN_BYTE_ARRAY
        // columns returned values of any length.
        byte[] body = DeltaEncoder.ByteArray([[0x00, 0x3C], [0x00, 0x40]]);
        ParquetFileModel model = ParquetFileModel.Parse(HostileFiles.WithDataPage(ParquetColumn.Binary("h"), 2, encoding: 7, body, ParquetCodec.Uncompressed));
        byte[] file = model.ToBytes(editFooter: meta =>
        {
            meta.Schema[1].Type = (int)ParquetPhysicalType.FixedLenByteArray;
            meta.Schema[1].TypeLength = 2;
            meta.Schema[1].ConvertedType = null;
            meta.Schema[1].Logical = LogicalKind.Float16;
            meta.RowGroups[0].Columns[0].Type = (int)ParquetPhysicalType.FixedLenByteArray;
        });

        var ex = Assert.Throws<ParquetNotSupportedException>(() =>
        {
            using ParquetReader reader = ParquetReader.Open(file, "float16.parquet");
            reader.ReadRowGroup(0);
        });

        Assert.Equal(ErrorCodes.ParquetUnsupported, ex.Code);
        Assert.Equal("h", ex.Column);
        Assert.Contains("DELTA_BYTE_ARRAY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRowGroup_DeltaByteArrayValueOfWrongFixedLength_TypedError()
    {
        byte[] body = DeltaEncoder.ByteArray([[1, 2], [1, 2, 3]]);
        ParquetFileModel model = ParquetFileModel.Parse(HostileFiles.WithDataPage(ParquetColumn.Binary("h"), 2, encoding: 7, body, ParquetCodec.Uncompressed));
        byte[] file = model.ToBytes(editFooter: meta =>
        {
            meta.Schema[1].Type = (int)ParquetPhysicalType.FixedLenByteArray;
            meta.Schema[1].TypeLength = 2;
            meta.RowGroups[0].Columns[0].Type = (int)ParquetPhysicalType.FixedLenByteArray;
        });

        (ParquetFormatException ex, _) = ReadExpectingError(file, new ParquetReaderOptions());

        Assert.Contains("value 1 has 3 bytes, the FIXED_LEN_BYTE_ARRAY column 2", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRowGroup_RowGroupDeclaring64MiRows_RefusedBeforeAllocatingColumnBuffers()
    {
        byte[] file = HostileFiles.HugeDeclaredRowCount(64 * 1024 * 1024);

        (ParquetFormatException ex, long allocated) = ReadExpectingError(file, new ParquetReaderOptions());

        Assert.Equal(ErrorCodes.ParquetReadBudgetExceeded, ex.Code);
        Assert.Equal(ParquetReaderOptions.DefaultMaxReadBytes, ex.ReadBudget);
        Assert.Equal("c0", ex.Column);
        Assert.Contains("the column buffer for 67108864 rows", ex.Reason, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, 1L << 20);
    }

    [Fact]
    public void ReadRowGroup_ColumnBuffersBeyondAConfiguredBudget_RefusedNamingTheBudget()
    {
        ParquetColumn v = ParquetColumn.Int64("v");
        byte[] file = SampleTables.Write(new ParquetSchema([v]), [ColumnBuffer.Create(v, new long[100_000])], new ParquetWriterOptions());
        var small = new ParquetReaderOptions { MaxReadBytes = 512 * 1024 };

        (ParquetFormatException ex, _) = ReadExpectingError(file, small);
        using ParquetReader ok = ParquetReader.Open(file, "hostile.parquet", new ParquetReaderOptions { MaxReadBytes = 2 * 1024 * 1024 });

        Assert.Equal(ErrorCodes.ParquetReadBudgetExceeded, ex.Code);
        Assert.Equal(512 * 1024, ex.ReadBudget);
        Assert.Contains("524288-byte budget", ex.Message, StringComparison.Ordinal);
        Assert.Equal(100_000, ok.ReadRowGroup(0).Column("v").Length);
    }

    [Fact]
    public void ReadRowGroup_ZstdPageDeclaring512MiB_RefusedBeforeAllocating()
    {
        // Before: accepted (≤ 2,048 × the compressed size + 64 KiB when the page is ≥ 256 KiB) and a 512 MiB buffer rented.
        byte[] file = HostileFiles.LyingUncompressedSize(ParquetCodec.Zstd, rows: 10, declaredSize: 512 * 1024 * 1024);

        (ParquetFormatException ex, long allocated) = ReadExpectingError(file, new ParquetReaderOptions());

        Assert.Equal(ErrorCodes.ParquetReadBudgetExceeded, ex.Code);
        Assert.Equal(ParquetReaderOptions.DefaultMaxReadBytes, ex.ReadBudget);
        Assert.Contains("declared uncompressed size of 536870912 bytes", ex.Reason, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, 1L << 20);
    }

    [Fact]
    public void ReadRowGroup_ZstdPageLyingWithinBudget_TypedErrorNoRatioLimit()
    {
        byte[] file = HostileFiles.LyingUncompressedSize(ParquetCodec.Zstd, rows: 10, declaredSize: 4 * 1024 * 1024);

        (ParquetFormatException ex, _) = ReadExpectingError(file, new ParquetReaderOptions());

        Assert.Equal(ErrorCodes.ParquetMalformed, ex.Code);
        Assert.Null(ex.ReadBudget);
        Assert.Contains("ZSTD data decompressed to 80 bytes, the page header declares 4194304", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRowGroup_SnappyPageLyingAboutItsSize_RefusedFromThePreamble()
    {
        byte[] file = HostileFiles.LyingUncompressedSize(ParquetCodec.Snappy, rows: 10, declaredSize: 100 * 1024 * 1024);

        (ParquetFormatException ex, long allocated) = ReadExpectingError(file, new ParquetReaderOptions());

        Assert.Contains("SNAPPY data decompresses to 80 bytes, the page header declares 104857600", ex.Reason, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, 1L << 20);
    }

    [Fact]
    public void ReadRowGroup_CorruptZstdFrameWithValidCrc_TypedError()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            byte[] file = HostileFiles.CorruptZstdFrame(rows: 2_000, seed);
            try
            {
                using ParquetReader reader = ParquetReader.Open(file, "hostile.parquet");
                Assert.Equal(2_000, reader.ReadRowGroup(0).Column("v").Length);
            }
            catch (ParquetFormatException ex)
            {
                Assert.Equal("v", ex.Column);
                Assert.Equal(ErrorCodes.ParquetMalformed, ex.Code);
                Assert.Null(ex.ReadBudget);
            }
        }
    }

    [Fact]
    public void Options_BudgetBelow64KiB_Rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParquetReaderOptions { MaxReadBytes = 1024 });

    private static (ParquetFormatException Error, long Allocated) ReadExpectingError(byte[] file, ParquetReaderOptions options)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        ParquetFormatException ex = Assert.Throws<ParquetFormatException>(() =>
        {
            using ParquetReader reader = ParquetReader.Open(file, "hostile.parquet", options);
            reader.ReadRowGroup(0);
        });
        return (ex, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
