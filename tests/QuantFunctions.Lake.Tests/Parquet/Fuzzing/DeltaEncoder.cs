using System.Numerics;

namespace QuantFunctions.Lake.Tests.Parquet.Fuzzing;

/// <summary>
/// Test-side encoders for the encodings the lake writer never produces (Encodings.md): DELTA_BINARY_PACKED,
/// DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and BYTE_STREAM_SPLIT, to hand-build pages that reach those decoders.
/// </summary>
internal static class DeltaEncoder
{
    private const int BlockSize = 128, Miniblocks = 4, PerMiniblock = BlockSize / Miniblocks;

    public static byte[] BinaryPacked(ReadOnlySpan<long> values)
    {
        var output = new List<byte>();
        Varint(output, BlockSize);
        Varint(output, Miniblocks);
        Varint(output, (ulong)values.Length);
        Varint(output, ZigZag(values.Length == 0 ? 0 : values[0]));
        for (int blockStart = 1; blockStart < values.Length; blockStart += BlockSize)
        {
            int n = Math.Min(BlockSize, values.Length - blockStart);
            long[] deltas = new long[n];
            long min = long.MaxValue;
            for (int i = 0; i < n; i++)
            {
                deltas[i] = unchecked(values[blockStart + i] - values[blockStart + i - 1]);
                min = Math.Min(min, deltas[i]);
            }

            Varint(output, ZigZag(min));
            byte[] widths = new byte[Miniblocks];
            for (int m = 0; m < Miniblocks; m++)
            {
                ulong max = 0;
                for (int i = m * PerMiniblock; i < Math.Min(n, (m + 1) * PerMiniblock); i++)
                {
                    max = Math.Max(max, unchecked((ulong)(deltas[i] - min)));
                }

                widths[m] = (byte)(64 - BitOperations.LeadingZeroCount(max));
            }

            output.AddRange(widths);
            for (int m = 0; m < Miniblocks && m * PerMiniblock < n; m++)
            {
                var bits = new byte[PerMiniblock * widths[m] / 8];
                for (int i = 0; i < PerMiniblock && (m * PerMiniblock) + i < n; i++)
                {
                    ulong v = unchecked((ulong)(deltas[(m * PerMiniblock) + i] - min));
                    for (int b = 0; b < widths[m]; b++)
                    {
                        long bit = ((long)i * widths[m]) + b;
                        bits[bit >> 3] |= (byte)(((v >> b) & 1) << (int)(bit & 7));
                    }
                }

                output.AddRange(bits);
            }
        }

        return [.. output];
    }

    public static byte[] LengthByteArray(IReadOnlyList<byte[]> values)
    {
        long[] lengths = new long[values.Count];
        for (int i = 0; i < lengths.Length; i++)
        {
            lengths[i] = values[i].Length;
        }

        var output = new List<byte>(BinaryPacked(lengths));
        foreach (byte[] v in values)
        {
            output.AddRange(v);
        }

        return [.. output];
    }

    /// <summary>DELTA_BYTE_ARRAY with the prefixes and suffixes given as they are (so they may be hostile).</summary>
    public static byte[] ByteArray(ReadOnlySpan<long> prefixes, IReadOnlyList<byte[]> suffixes) => [.. BinaryPacked(prefixes), .. LengthByteArray(suffixes)];

    /// <summary>DELTA_BYTE_ARRAY of <paramref name="values"/>, sharing each value's longest common prefix with the previous one.</summary>
    public static byte[] ByteArray(IReadOnlyList<byte[]> values)
    {
        long[] prefixes = new long[values.Count];
        var suffixes = new byte[values.Count][];
        byte[] previous = [];
        for (int i = 0; i < values.Count; i++)
        {
            int p = previous.AsSpan().CommonPrefixLength(values[i]);
            prefixes[i] = p;
            suffixes[i] = values[i][p..];
            previous = values[i];
        }

        return ByteArray(prefixes, suffixes);
    }

    public static byte[] ByteStreamSplit(ReadOnlySpan<byte> plain, int width)
    {
        int count = plain.Length / width;
        byte[] output = new byte[plain.Length];
        for (int i = 0; i < count; i++)
        {
            for (int k = 0; k < width; k++)
            {
                output[(k * count) + i] = plain[(i * width) + k];
            }
        }

        return output;
    }

    private static ulong ZigZag(long v) => unchecked((ulong)((v << 1) ^ (v >> 63)));

    private static void Varint(List<byte> output, ulong v)
    {
        while (v >= 0x80)
        {
            output.Add((byte)(v | 0x80));
            v >>= 7;
        }

        output.Add((byte)v);
    }
}
