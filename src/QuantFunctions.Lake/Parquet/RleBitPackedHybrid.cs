using System.Buffers.Binary;

namespace QuantFunctions.Lake.Parquet;

/// <summary>
/// The RLE / bit-packing hybrid (Encodings.md "RLE"): runs of <c>varint(count &lt;&lt; 1)</c> + value, or
/// <c>varint(groups &lt;&lt; 1 | 1)</c> + groups × 8 values of <c>bitWidth</c> bits packed LSB first.
/// </summary>
internal static class RleBitPackedHybrid
{
    /// <summary>Decodes exactly <paramref name="destination"/>.Length values; throws when the data runs out.</summary>
    /// <returns>The number of input bytes consumed.</returns>
    public static int Decode(ReadOnlySpan<byte> data, int bitWidth, Span<int> destination, long offset)
    {
        if (bitWidth is < 0 or > 32)
        {
            throw new ParquetFormatException($"RLE/bit-packed bit width {bitWidth} outside 0..32", offset: offset);
        }

        int pos = 0, filled = 0;
        int valueBytes = (bitWidth + 7) / 8;
        while (filled < destination.Length)
        {
            if (pos >= data.Length)
            {
                throw new ParquetFormatException($"RLE/bit-packed data ended after {filled} of {destination.Length} values", offset: offset + pos);
            }

            ulong header = Varint.Read(data, ref pos, offset, "RLE/bit-packed data");
            if ((header & 1) == 0)
            {
                ulong count = header >> 1;
                if (pos + valueBytes > data.Length)
                {
                    throw new ParquetFormatException("RLE run value past the end of the data", offset: offset + pos);
                }

                int value = 0;
                for (int b = 0; b < valueBytes; b++)
                {
                    value |= data[pos + b] << (8 * b);
                }

                if (bitWidth < 32 && (uint)value >> bitWidth != 0)
                {
                    throw new ParquetFormatException($"RLE run value {value} does not fit in {bitWidth} bit(s)", offset: offset + pos);
                }

                pos += valueBytes;
                int n = (int)Math.Min(count, (ulong)(destination.Length - filled));
                destination.Slice(filled, n).Fill(value);
                filled += n;
            }
            else
            {
                ulong groups = header >> 1;
                long bytesDeclared = (long)Math.Min(groups, int.MaxValue) * bitWidth;
                int available = (int)Math.Min(bytesDeclared, data.Length - pos);
                long valuesDeclared = (long)Math.Min(groups, int.MaxValue) * 8;
                int n = (int)Math.Min(valuesDeclared, destination.Length - filled);
                if (bitWidth > 0 && (long)n * bitWidth > (long)available * 8)
                {
                    throw new ParquetFormatException("bit-packed run past the end of the data", offset: offset + pos);
                }

                Unpack(data.Slice(pos, available), bitWidth, destination.Slice(filled, n));
                pos += available;
                filled += n;
            }
        }

        return pos;
    }

    /// <summary>Unpacks <paramref name="destination"/>.Length values of <paramref name="bitWidth"/> bits, LSB first.</summary>
    public static void Unpack(ReadOnlySpan<byte> data, int bitWidth, Span<int> destination)
    {
        if (bitWidth == 0)
        {
            destination.Clear();
            return;
        }

        if (bitWidth == 1)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = (data[i >> 3] >> (i & 7)) & 1;
            }

            return;
        }

        ulong mask = (1UL << bitWidth) - 1;
        int fast = 0;
        if (data.Length >= 8)
        {
            // 64-bit loads: value i starts at bit i × bitWidth; a load covers any value of ≤ 32 bits.
            long lastFast = (((long)(data.Length - 8) * 8) / bitWidth) + 1;
            fast = (int)Math.Min(destination.Length, lastFast);
            for (int i = 0; i < fast; i++)
            {
                long bit = (long)i * bitWidth;
                ulong word = BinaryPrimitives.ReadUInt64LittleEndian(data[(int)(bit >> 3)..]);
                destination[i] = (int)((word >> (int)(bit & 7)) & mask);
            }
        }

        ulong acc = 0;
        int bits = 0;
        long startBit = (long)fast * bitWidth;
        int pos = (int)(startBit >> 3);
        int skip = (int)(startBit & 7);
        if (skip != 0 && fast < destination.Length)
        {
            acc = (ulong)data[pos++] >> skip;
            bits = 8 - skip;
        }

        for (int i = fast; i < destination.Length; i++)
        {
            while (bits < bitWidth)
            {
                acc |= (ulong)data[pos++] << bits;
                bits += 8;
            }

            destination[i] = (int)(acc & mask);
            acc >>= bitWidth;
            bits -= bitWidth;
        }
    }

    /// <summary>Bits needed to store values up to <paramref name="maxValue"/>.</summary>
    public static int BitWidth(int maxValue) => maxValue <= 0 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)maxValue);

    /// <summary>
    /// Encodes <paramref name="values"/> (each &lt; 2^bitWidth): runs of ≥ 8 equal values as RLE runs, the rest
    /// as bit-packed groups of 8 (the last group zero-padded).
    /// </summary>
    public static void Encode(ReadOnlySpan<int> values, int bitWidth, ByteBuffer output)
    {
        int valueBytes = (bitWidth + 7) / 8;
        int i = 0;
        int packedStart = -1;
        while (i < values.Length)
        {
            int v = values[i];
            int run = 1;
            while (i + run < values.Length && values[i + run] == v)
            {
                run++;
            }

            if (run >= 8)
            {
                if (packedStart >= 0)
                {
                    FlushPacked(values, packedStart, i - packedStart, bitWidth, output);
                    packedStart = -1;
                }

                output.WriteVarint((ulong)run << 1);
                Span<byte> vb = output.GetSpan(4);
                BinaryPrimitives.WriteInt32LittleEndian(vb, v);
                output.Advance(valueBytes);
                i += run;
            }
            else
            {
                if (packedStart < 0)
                {
                    packedStart = i;
                }

                i = Math.Min(i + 8, values.Length);
            }
        }

        if (packedStart >= 0)
        {
            FlushPacked(values, packedStart, values.Length - packedStart, bitWidth, output);
        }
    }

    private static void FlushPacked(ReadOnlySpan<int> values, int start, int count, int bitWidth, ByteBuffer output)
    {
        int groups = (count + 7) / 8;
        output.WriteVarint(((ulong)groups << 1) | 1);
        int bytes = groups * bitWidth;
        Span<byte> dst = output.GetSpan(bytes + 8);
        dst[..bytes].Clear();
        ulong acc = 0;
        int bits = 0, pos = 0;
        for (int k = 0; k < groups * 8; k++)
        {
            ulong v = k < count ? (uint)values[start + k] : 0u;
            acc |= v << bits;
            bits += bitWidth;
            while (bits >= 8)
            {
                dst[pos++] = (byte)acc;
                acc >>= 8;
                bits -= 8;
            }
        }

        output.Advance(bytes);
    }
}
