using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Lake.Tests.Parquet;

public sealed class ThriftCompactTests
{
    [Fact]
    public void Read_FooterPrefixFromFormatNotes_DecodesVersionAndSchemaList()
    {
        // FORMAT-NOTES §2 (checked bytes of basic_uncompressed.parquet): 15 02 = field 1 i32 zigzag 2 → 1;
        // 19 9c = field 2 list of 9 structs; 35 00 = field 3 i32 0; 18 0d "duckdb_schema".
        byte[] bytes = [0x15, 0x02, 0x19, 0x9c, 0x35, 0x00, 0x18, 0x0d, .. "duckdb_schema"u8];
        var r = new ThriftCompactReader(bytes, 0);
        short last = 0;
        Assert.True(r.ReadFieldHeader(ref last, out byte t1, out short id1));
        Assert.Equal((ThriftCompactReader.TypeI32, (short)1), (t1, id1));
        Assert.Equal(1, r.ReadI32());
        Assert.True(r.ReadFieldHeader(ref last, out byte t2, out short id2));
        Assert.Equal((ThriftCompactReader.TypeList, (short)2), (t2, id2));
        Assert.Equal(9, r.ReadListHeader(out byte elem));
        Assert.Equal(ThriftCompactReader.TypeStruct, elem);
        short inner = 0;
        Assert.True(r.ReadFieldHeader(ref inner, out _, out short id3));
        Assert.Equal(3, id3);
        Assert.Equal(0, r.ReadI32());
        Assert.True(r.ReadFieldHeader(ref inner, out _, out _));
        Assert.Equal("duckdb_schema", r.ReadString());
    }

    [Fact]
    public void WriteRead_LongFieldDeltaAndNegativeValues_RoundTrip()
    {
        var w = new ThriftCompactWriter();
        w.BeginStruct();
        w.I64(1, -1);
        w.I32(40, int.MinValue);
        w.String(41, "é");
        w.EndStruct();
        byte[] bytes = w.WrittenSpan.ToArray();

        var r = new ThriftCompactReader(bytes, 0);
        short last = 0;
        Assert.True(r.ReadFieldHeader(ref last, out _, out _));
        Assert.Equal(-1, r.ReadI64());
        Assert.True(r.ReadFieldHeader(ref last, out _, out short id));
        Assert.Equal(40, id);
        Assert.Equal(int.MinValue, r.ReadI32());
        Assert.True(r.ReadFieldHeader(ref last, out _, out _));
        Assert.Equal("é", r.ReadString());
        Assert.False(r.ReadFieldHeader(ref last, out _, out _));
    }

    [Fact]
    public void Read_ListCountBeyondData_ThrowsFormatExceptionBeforeAllocating()
    {
        byte[] bytes = [0xF9, 0xFF, 0xFF, 0xFF, 0xFF, 0x07];
        var ex = Assert.Throws<ParquetFormatException>(() =>
        {
            var r = new ThriftCompactReader(bytes, 100);
            r.ReadListHeader(out _);
        });
        Assert.Equal(106, ex.Offset);
    }

    [Fact]
    public void Skip_DeeplyNestedStructs_ThrowsFormatException()
    {
        byte[] bytes = new byte[200];
        Array.Fill(bytes, (byte)0x1C); // field delta 1, STRUCT, nested forever
        Assert.Throws<ParquetFormatException>(() =>
        {
            var r = new ThriftCompactReader(bytes, 0);
            r.Skip(ThriftCompactReader.TypeStruct);
        });
    }

    [Fact]
    public void RleHybrid_EncodeDecode_MixedRunsRoundTrip()
    {
        int[] values = new int[1000];
        var rng = new Random(5);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = i < 300 ? 7 : rng.Next(500);
        }

        using var buf = new ByteBuffer();
        RleBitPackedHybrid.Encode(values, 9, buf);
        int[] back = new int[values.Length];
        RleBitPackedHybrid.Decode(buf.WrittenSpan, 9, back, 0);

        Assert.Equal(values, back);
    }

    [Theory]
    [InlineData(1, new byte[] { 0x08, 0x02 })] // run of 4 × value 2 at bit width 1 (e.g. a corrupt definition level)
    [InlineData(3, new byte[] { 0x08, 0x08 })] // value 8 needs 4 bits
    [InlineData(9, new byte[] { 0x08, 0x00, 0x02 })] // value 512 needs 10 bits
    public void RleHybrid_RunValueWiderThanTheBitWidth_ThrowsFormatException(int bitWidth, byte[] data)
    {
        // Parquet format: an RLE run's value is < 2^bitWidth; a wider one is corrupt data, not a value to use
        // (a definition level of 2 would otherwise count a row as two non-null values and overrun the page).
        int[] values = new int[4];
        ParquetFormatException ex = Assert.Throws<ParquetFormatException>(() => RleBitPackedHybrid.Decode(data, bitWidth, values, 0));
        Assert.Equal(ErrorCodes.ParquetMalformed, ex.Code);
        Assert.Contains($"does not fit in {bitWidth} bit(s)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RleHybrid_FormatNotesExample_BitPacksLsbFirst()
    {
        // FORMAT-NOTES §6: values 0..7 at bit width 3 pack to 88 C6 FA.
        using var buf = new ByteBuffer();
        RleBitPackedHybrid.Encode([0, 1, 2, 3, 4, 5, 6, 7], 3, buf);
        Assert.Equal(new byte[] { 0x03, 0x88, 0xC6, 0xFA }, buf.WrittenSpan.ToArray());
    }
}
