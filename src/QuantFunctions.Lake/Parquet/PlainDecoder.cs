using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace QuantFunctions.Lake.Parquet;

/// <summary>PLAIN decoding (Encodings.md "Plain") of <c>count</c> values into a typed array at <c>start</c>.</summary>
internal static class PlainDecoder
{
    /// <summary>Decodes; returns the bytes consumed.</summary>
    public static int Decode(ParquetColumn column, ReadOnlySpan<byte> data, int count, Array destination, int start, long offset)
    {
        switch (column.PhysicalType)
        {
            case ParquetPhysicalType.Boolean:
            {
                Need(data, (count + 7) / 8, count, offset);
                Span<bool> dst = ((bool[])destination).AsSpan(start, count);
                for (int i = 0; i < dst.Length; i++)
                {
                    dst[i] = ((data[i >> 3] >> (i & 7)) & 1) != 0;
                }

                return (count + 7) / 8;
            }

            case ParquetPhysicalType.Int32:
                return CopyFixed(data, count, ((int[])destination).AsSpan(start, count), offset);
            case ParquetPhysicalType.Int64:
                return CopyFixed(data, count, ((long[])destination).AsSpan(start, count), offset);
            case ParquetPhysicalType.Float:
                return CopyFixed(data, count, ((float[])destination).AsSpan(start, count), offset);
            case ParquetPhysicalType.Double:
                return CopyFixed(data, count, ((double[])destination).AsSpan(start, count), offset);
            case ParquetPhysicalType.Int96:
                return DecodeFixedBinary(12, data, count, destination, start, offset);
            case ParquetPhysicalType.FixedLenByteArray:
                return DecodeFixedBinary(column.TypeLength, data, count, destination, start, offset);
            default:
                return DecodeByteArrays(data, count, destination, start, offset);
        }
    }

    private static int CopyFixed<T>(ReadOnlySpan<byte> data, int count, Span<T> destination, long offset)
        where T : struct
    {
        int size = Marshal.SizeOf<T>();
        Need(data, (long)size * count, count, offset);
        MemoryMarshal.Cast<byte, T>(data[..(size * count)]).CopyTo(destination);
        return size * count;
    }

    private static int DecodeFixedBinary(int len, ReadOnlySpan<byte> data, int count, Array destination, int start, long offset)
    {
        Need(data, (long)len * count, count, offset);
        switch (destination)
        {
            case float[] floats:
                for (int i = 0; i < count; i++)
                {
                    floats[start + i] = (float)BitConverter.UInt16BitsToHalf(BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(i * 2, 2)));
                }

                break;
            case string[] strings:
                for (int i = 0; i < count; i++)
                {
                    strings[start + i] = Utf8Text.Decode(data.Slice(i * len, len), offset + (i * len));
                }

                break;
            default:
                var bins = (byte[][])destination;
                for (int i = 0; i < count; i++)
                {
                    bins[start + i] = data.Slice(i * len, len).ToArray();
                }

                break;
        }

        return len * count;
    }

    private static int DecodeByteArrays(ReadOnlySpan<byte> data, int count, Array destination, int start, long offset)
    {
        int pos = 0;
        string?[]? strings = destination as string[];
        byte[]?[]? bins = destination as byte[][];
        for (int i = 0; i < count; i++)
        {
            if (data.Length - pos < 4)
            {
                throw Truncated(i, count, offset + pos);
            }

            int len = BinaryPrimitives.ReadInt32LittleEndian(data.Slice(pos, 4));
            pos += 4;
            if (len < 0 || len > data.Length - pos)
            {
                throw new ParquetFormatException($"BYTE_ARRAY value {i} declares length {len}, past the end of the page", offset: offset + pos - 4);
            }

            ReadOnlySpan<byte> v = data.Slice(pos, len);
            if (strings is not null)
            {
                strings[start + i] = Utf8Text.Decode(v, offset + pos);
            }
            else
            {
                bins![start + i] = v.ToArray();
            }

            pos += len;
        }

        return pos;
    }

    private static void Need(ReadOnlySpan<byte> data, long bytes, int count, long offset)
    {
        if (bytes > data.Length)
        {
            throw new ParquetFormatException($"page holds {data.Length} value bytes, {count} PLAIN values need {bytes}", offset: offset);
        }
    }

    private static ParquetFormatException Truncated(int i, int count, long offset) =>
        new($"page data ended at value {i} of {count}", offset: offset);
}
