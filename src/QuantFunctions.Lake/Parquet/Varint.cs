namespace QuantFunctions.Lake.Parquet;

/// <summary>Unsigned LEB128 varints inside page data (RLE run headers, DELTA headers).</summary>
internal static class Varint
{
    /// <summary>Reads a varint at <paramref name="pos"/>; <paramref name="what"/> names the data in errors.</summary>
    public static ulong Read(ReadOnlySpan<byte> data, ref int pos, long offset, string what)
    {
        ulong result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (pos >= data.Length)
            {
                throw new ParquetFormatException($"truncated varint in {what}", offset: offset + pos);
            }

            byte b = data[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new ParquetFormatException($"varint too long in {what}", offset: offset + pos);
    }
}
