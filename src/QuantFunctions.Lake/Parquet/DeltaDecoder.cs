using System.Buffers;

namespace QuantFunctions.Lake.Parquet;

/// <summary>
/// DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and BYTE_STREAM_SPLIT decoding
/// (Encodings.md). Reader only.
/// </summary>
internal static class DeltaDecoder
{
    /// <summary>Decodes <paramref name="destination"/>.Length DELTA_BINARY_PACKED values; returns bytes consumed.</summary>
    public static int DecodeBinaryPacked(ReadOnlySpan<byte> data, Span<long> destination, long offset)
    {
        int pos = 0;
        ulong blockSize = Varint.Read(data, ref pos, offset, "DELTA encoded data");
        ulong miniblocks = Varint.Read(data, ref pos, offset, "DELTA encoded data");
        ulong total = Varint.Read(data, ref pos, offset, "DELTA encoded data");
        long value = ZigZag(Varint.Read(data, ref pos, offset, "DELTA encoded data"));
        if (blockSize == 0 || blockSize % 128 != 0 || miniblocks == 0 || blockSize % miniblocks != 0 || blockSize > 1 << 20 || (blockSize / miniblocks) % 32 != 0)
        {
            throw new ParquetFormatException($"DELTA_BINARY_PACKED header invalid (block {blockSize}, miniblocks {miniblocks})", offset: offset);
        }

        if (total < (ulong)destination.Length || total > (ulong)destination.Length + blockSize)
        {
            throw new ParquetFormatException($"DELTA_BINARY_PACKED holds {total} values, the page needs {destination.Length}", offset: offset);
        }

        int perMini = (int)(blockSize / miniblocks);
        int filled = 0;
        if (destination.Length > 0)
        {
            destination[filled++] = value;
        }

        int remainingTotal = (int)Math.Min(total, int.MaxValue) - 1;
        Span<byte> widths = stackalloc byte[256];
        while (remainingTotal > 0)
        {
            long minDelta = ZigZag(Varint.Read(data, ref pos, offset, "DELTA encoded data"));
            int m = (int)miniblocks;
            if (m > widths.Length || pos + m > data.Length)
            {
                throw new ParquetFormatException("DELTA_BINARY_PACKED block header past the end of the data", offset: offset + pos);
            }

            data.Slice(pos, m).CopyTo(widths);
            pos += m;
            for (int k = 0; k < m && remainingTotal > 0; k++)
            {
                int bw = widths[k];
                if (bw > 64)
                {
                    throw new ParquetFormatException($"DELTA_BINARY_PACKED miniblock bit width {bw}", offset: offset + pos);
                }

                long bytes = (long)perMini * bw / 8;
                int take = Math.Min(perMini, remainingTotal);
                if (pos + ((long)take * bw + 7) / 8 > data.Length)
                {
                    throw new ParquetFormatException("DELTA_BINARY_PACKED miniblock past the end of the data", offset: offset + pos);
                }

                ReadOnlySpan<byte> mini = data.Slice(pos, (int)Math.Min(bytes, data.Length - pos));
                for (int j = 0; j < take; j++)
                {
                    ulong delta = ReadBits(mini, (long)j * bw, bw);
                    value = unchecked(value + minDelta + (long)delta);
                    if (filled < destination.Length)
                    {
                        destination[filled] = value;
                    }

                    filled++;
                }

                remainingTotal -= take;
                pos += (int)Math.Min(bytes, data.Length - pos);
            }
        }

        return pos;
    }

    /// <summary>
    /// DELTA_LENGTH_BYTE_ARRAY (<paramref name="prefixed"/> false: lengths, then the concatenated bytes) or DELTA_BYTE_ARRAY
    /// (true: prefix lengths first; value i is the first prefix[i] bytes of value i − 1 followed by its suffix).
    /// </summary>
    /// <remarks>
    /// Every length is validated and the total the values expand to is charged to <paramref name="budget"/> before any
    /// value is materialised: a page reusing the whole previous value as its prefix expands quadratically (65k one-byte
    /// suffixes in 70 KB → 2 GB), which the budget refuses up front.
    /// </remarks>
    /// <param name="data">The page's value section.</param>
    /// <param name="count">Values to decode.</param>
    /// <param name="destination">string[] or byte[][].</param>
    /// <param name="start">First index to fill.</param>
    /// <param name="offset">Absolute offset of <paramref name="data"/>, for errors.</param>
    /// <param name="budget">The read's budget.</param>
    /// <param name="prefixed">DELTA_BYTE_ARRAY (true) or DELTA_LENGTH_BYTE_ARRAY (false).</param>
    /// <param name="fixedLength">The FIXED_LEN_BYTE_ARRAY width every value must have, or 0 for BYTE_ARRAY.</param>
    public static void DecodeByteArrays(ReadOnlySpan<byte> data, int count, Array destination, int start, long offset, ParquetReadBudget budget, bool prefixed, int fixedLength)
    {
        string encoding = prefixed ? "DELTA_BYTE_ARRAY" : "DELTA_LENGTH_BYTE_ARRAY";
        budget.Charge(ParquetReadBudget.ArrayBytes(count, sizeof(long)) * (prefixed ? 2 : 1), prefixed ? "DELTA_BYTE_ARRAY lengths of {0} values" : "DELTA_LENGTH_BYTE_ARRAY lengths of {0} values", count);
        long[]? prefixes = prefixed ? new long[count] : null;
        int pos = prefixes is null ? 0 : DecodeBinaryPacked(data, prefixes, offset);
        long[] lengths = new long[count];
        pos += DecodeBinaryPacked(data[pos..], lengths, offset + pos);

        // Validate and total every length before materialising anything.
        long previous = 0, suffixes = 0, total = 0, longest = 0;
        for (int i = 0; i < count; i++)
        {
            long p = prefixes is null ? 0 : prefixes[i];
            long s = lengths[i];
            if (p < 0 || p > previous)
            {
                throw new ParquetFormatException($"{encoding} value {i} prefix length {p} exceeds the previous value ({previous} bytes)", offset: offset);
            }

            if (s < 0 || s > data.Length - pos - suffixes)
            {
                throw new ParquetFormatException($"{encoding} value {i} length {s} past the end of the data", offset: offset + pos + suffixes);
            }

            long length = p + s;
            if (fixedLength > 0 && length != fixedLength)
            {
                throw new ParquetFormatException($"{encoding} value {i} has {length} bytes, the FIXED_LEN_BYTE_ARRAY column {fixedLength}", offset: offset);
            }

            suffixes += s;
            total += length;
            longest = Math.Max(longest, length);
            previous = length;
        }

        bool strings = destination is string[];
        budget.Charge(ParquetReadBudget.ValueBytes(count, total, strings) + (prefixes is null ? 0 : ParquetReadBudget.ArrayBytes(longest, 1)),
            prefixed ? "DELTA_BYTE_ARRAY values expanding to {0} bytes" : "DELTA_LENGTH_BYTE_ARRAY values expanding to {0} bytes", total);
        if (prefixes is null)
        {
            for (int i = 0; i < count; i++)
            {
                int len = (int)lengths[i];
                Store(destination, start + i, data.Slice(pos, len), offset + pos);
                pos += len;
            }

            return;
        }

        // Value i keeps value i − 1's first prefix[i] bytes in place and appends its suffix.
        byte[] value = ArrayPool<byte>.Shared.Rent((int)Math.Max(longest, 1));
        try
        {
            for (int i = 0; i < count; i++)
            {
                int p = (int)prefixes[i], len = (int)lengths[i];
                data.Slice(pos, len).CopyTo(value.AsSpan(p));
                Store(destination, start + i, value.AsSpan(0, p + len), offset + pos);
                pos += len;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(value);
        }
    }

    /// <summary>BYTE_STREAM_SPLIT: byte k of value i at <c>k × count + i</c>.</summary>
    public static void DecodeByteStreamSplit(ReadOnlySpan<byte> data, int width, int count, Array destination, int start, long offset)
    {
        if ((long)width * count > data.Length)
        {
            throw new ParquetFormatException($"BYTE_STREAM_SPLIT needs {(long)width * count} bytes, the page holds {data.Length}", offset: offset);
        }

        int streams = data.Length / width;
        Span<byte> one = stackalloc byte[width <= 64 ? width : 0];
        byte[] buffer = width <= 64 ? [] : new byte[width];
        Span<byte> v = width <= 64 ? one : buffer;
        for (int i = 0; i < count; i++)
        {
            for (int k = 0; k < width; k++)
            {
                v[k] = data[(k * streams) + i];
            }

            switch (destination)
            {
                case float[] f: f[start + i] = BitConverter.ToSingle(v); break;
                case double[] d: d[start + i] = BitConverter.ToDouble(v); break;
                case int[] n: n[start + i] = BitConverter.ToInt32(v); break;
                case long[] l: l[start + i] = BitConverter.ToInt64(v); break;
                default: Store(destination, start + i, v, offset); break;
            }
        }
    }

    private static void Store(Array destination, int index, ReadOnlySpan<byte> bytes, long offset)
    {
        if (destination is string[] s)
        {
            s[index] = Utf8Text.Decode(bytes, offset);
        }
        else
        {
            ((byte[][])destination)[index] = bytes.ToArray();
        }
    }

    private static ulong ReadBits(ReadOnlySpan<byte> d, long bitPos, int width)
    {
        ulong result = 0;
        int got = 0;
        while (got < width)
        {
            int byteIndex = (int)(bitPos >> 3);
            int bitOffset = (int)(bitPos & 7);
            int take = Math.Min(8 - bitOffset, width - got);
            ulong b = byteIndex < d.Length ? (ulong)((d[byteIndex] >> bitOffset) & ((1 << take) - 1)) : 0;
            result |= b << got;
            got += take;
            bitPos += take;
        }

        return result;
    }

    private static long ZigZag(ulong z) => (long)(z >> 1) ^ -(long)(z & 1);
}
