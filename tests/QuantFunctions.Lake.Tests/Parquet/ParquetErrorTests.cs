using System.Buffers.Binary;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Lake.Tests.Parquet;

/// <summary>Each kind of damage gives a <see cref="ParquetFormatException"/> naming file, row group, column and offset.</summary>
public sealed class ParquetErrorTests
{
    private static readonly ParquetSchema Schema = new([ParquetColumn.Int32("id"), ParquetColumn.String("sym")]);

    private static byte[] File(ParquetCodec codec = ParquetCodec.Uncompressed, bool checksums = false)
    {
        int[] id = new int[200];
        string?[] sym = new string?[200];
        for (int i = 0; i < id.Length; i++)
        {
            id[i] = i;
            sym[i] = "S" + (i % 3);
        }

        return SampleTables.Write(Schema, [ColumnBuffer.Create(Schema.Columns[0], id), ColumnBuffer.Create(Schema.Columns[1], sym)],
            new ParquetWriterOptions { Codec = codec, WritePageChecksums = checksums });
    }

    private static ParquetFormatException ReadFails(byte[] data)
    {
        ParquetFormatException ex = Assert.Throws<ParquetFormatException>(() =>
        {
            using ParquetReader r = ParquetReader.Open(data, "bad.parquet");
            for (int g = 0; g < r.RowGroupCount; g++)
            {
                r.ReadRowGroup(g);
            }
        });
        Assert.Equal(ErrorCodes.ParquetMalformed, ex.Code);
        return ex;
    }

    [Fact]
    public void Open_TruncatedFile_NamesFileAndOffset()
    {
        byte[] data = File();
        ParquetFormatException ex = ReadFails(data[..(data.Length - 3)]);
        Assert.Equal("bad.parquet", ex.File);
        Assert.NotNull(ex.Offset);
    }

    [Fact]
    public void Open_WrongLeadingMagic_Throws()
    {
        byte[] data = File();
        data[0] = (byte)'X';
        Assert.Contains("magic", ReadFails(data).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FooterLengthPastStart_Throws()
    {
        byte[] data = File();
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(data.Length - 8), data.Length);
        ParquetFormatException ex = ReadFails(data);
        Assert.Contains("footer length", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(data.Length - 8, ex.Offset);
    }

    [Fact]
    public void Open_CorruptThriftFooter_Throws()
    {
        byte[] data = File();
        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(data.Length - 8));
        data.AsSpan(data.Length - 8 - footerLength, 6).Fill(0xFF);
        Assert.Contains("Thrift", ReadFails(data).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PageSizePastChunkEnd_NamesColumnAndRowGroup()
    {
        // The first page header of column "id" starts at offset 4: 15 00 (type 0), 15 <uncompressed>, 15 <compressed>.
        byte[] data = File();
        Assert.Equal(0x15, data[6]);
        data[7] = 0xFE;
        data[8] = 0x7F; // uncompressed size varint continues: a huge, inconsistent size
        ParquetFormatException ex = ReadFails(data);
        Assert.Equal("id", ex.Column);
        Assert.Equal(0, ex.RowGroup);
    }

    [Fact]
    public void Read_DictionaryIndexOutOfRange_Throws()
    {
        // Column "sym" has a 3-entry dictionary; a 2-bit index 3 is out of range. Find the bit width byte
        // (2) of the data page and make the first RLE run value 3.
        var schema = new ParquetSchema([ParquetColumn.String("sym")]);
        byte[] data = SampleTables.Write(schema, [ColumnBuffer.Create(schema.Columns[0], new string?[] { "a", "b", "c", "a", "a", "a", "a", "a", "a", "a", "a" })],
            new ParquetWriterOptions { Codec = ParquetCodec.Uncompressed, WritePageChecksums = false });
        using (ParquetReader ok = ParquetReader.Open(data))
        {
            Assert.Equal("c", ok.ReadRowGroup(0).Columns[0].Strings![2]);
        }

        // Data page values: [bit width 2][bit-packed header 0x05 = 2 groups][2-bit indices 0,1,2,0 = 0x24]...
        int at = data.AsSpan().IndexOf(new byte[] { 0x02, 0x05, 0x24 });
        Assert.True(at > 0);
        data[at + 2] = 0x27; // first index 0 → 3
        Assert.Contains("dictionary index 3 out of range", ReadFails(data).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadSnappyData_NamesCodec()
    {
        byte[] data = File(ParquetCodec.Snappy);
        using ParquetReader r = ParquetReader.Open(data);
        long offset = r.Describe().RowGroups[0].Columns[0].DataPageOffset;
        // Skip the page header (≤ 20 bytes) and scribble over the snappy body.
        data.AsSpan((int)offset + 12, 16).Fill(0xFF);
        ParquetFormatException ex = ReadFails(data);
        Assert.Equal("id", ex.Column);
    }

    [Fact]
    public void Read_ChecksumMismatch_Throws()
    {
        byte[] data = File(checksums: true);
        long footerStart = data.Length - 8 - BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(data.Length - 8));
        data[(int)footerStart - 3] ^= 0x01; // inside the body of the last data page of column "sym"
        ParquetFormatException ex = ReadFails(data);
        Assert.Contains("CRC", ex.Reason, StringComparison.Ordinal);
        Assert.Equal("sym", ex.Column);
    }

    [Fact]
    public void Open_NestedSchema_NotSupportedNamesFeature()
    {
        // A hand-built footer whose root has one group child: schema [root(1 child), group "g"(1 child), leaf "x"].
        var w = new ThriftCompactWriter();
        w.BeginStruct();
        w.I32(1, 1);
        w.ListField(2, ThriftCompactReader.TypeStruct, 3);
        new ThriftSchemaElement { Name = "schema", NumChildren = 1 }.Write(w);
        new ThriftSchemaElement { Name = "g", NumChildren = 1, Repetition = 1 }.Write(w);
        new ThriftSchemaElement { Name = "x", Type = 1, Repetition = 1 }.Write(w);
        w.I64(3, 0);
        w.ListField(4, ThriftCompactReader.TypeStruct, 0);
        w.EndStruct();
        byte[] data = [.. "PAR1"u8, .. w.WrittenSpan, 0, 0, 0, 0, .. "PAR1"u8];
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(data.Length - 8), w.Length);

        var ex = Assert.Throws<ParquetNotSupportedException>(() => ParquetReader.Open(data, "nested.parquet"));
        Assert.Equal(ErrorCodes.ParquetUnsupported, ex.Code);
        Assert.Contains("nested", ex.Message, StringComparison.Ordinal);
        Assert.Equal("g", ex.Column);
    }

    [Fact]
    public void Read_InvalidUtf8InStringColumn_ThrowsInsteadOfReplacing()
    {
        var schema = new ParquetSchema([ParquetColumn.String("s")]);
        byte[] data = SampleTables.Write(schema, [ColumnBuffer.Create(schema.Columns[0], new string?[] { "zq" })],
            new ParquetWriterOptions { Codec = ParquetCodec.Uncompressed, EnableDictionary = false, WritePageChecksums = false });
        int at = data.AsSpan().IndexOf("zq"u8);
        data[at] = 0xFF;

        ParquetFormatException ex = ReadFails(data);
        Assert.Contains("UTF-8", ex.Reason, StringComparison.Ordinal);
        Assert.Equal("s", ex.Column);
    }
}
