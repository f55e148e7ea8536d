using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace QuantFunctions.Lake.Parquet;

/// <summary>PLAIN value encoding and dictionary building.</summary>
internal sealed partial class ColumnChunkEncoder
{
    private const int IdentityCacheSize = 1024;
    private readonly string?[] _identityKeys = new string?[IdentityCacheSize];
    private readonly int[] _identityValues = new int[IdentityCacheSize];

    /// <summary>PLAIN-encodes the non-null values of rows [row, row + count).</summary>
    private void EncodePlain(ColumnBuffer column, int row, int count, int present, ByteBuffer output)
    {
        bool dense = present == count;
        switch (column.Values)
        {
            case bool[] b:
            {
                Span<byte> dst = output.GetSpan((present + 7) / 8);
                dst[..((present + 7) / 8)].Clear();
                int k = 0;
                for (int i = 0; i < count; i++)
                {
                    if (dense || IsPresent(row, i))
                    {
                        dst[k >> 3] |= (byte)((b[row + i] ? 1 : 0) << (k & 7));
                        k++;
                    }
                }

                output.Advance((present + 7) / 8);
                return;
            }

            case int[] n: WriteFixed(n, row, count, dense, output); return;
            case long[] l: WriteFixed(l, row, count, dense, output); return;
            case float[] f: WriteFixed(f, row, count, dense, output); return;
            case double[] d: WriteFixed(d, row, count, dense, output); return;
            case string?[] s:
                for (int i = 0; i < count; i++)
                {
                    string? v = s[row + i];
                    if (v is not null && (dense || IsPresent(row, i)))
                    {
                        output.WriteLengthPrefixedUtf8(v);
                    }
                }

                return;
            default:
                byte[]?[] bins = (byte[]?[])column.Values;
                for (int i = 0; i < count; i++)
                {
                    byte[]? v = bins[row + i];
                    if (v is not null && (dense || IsPresent(row, i)))
                    {
                        output.WriteInt32(v.Length);
                        output.Write(v);
                    }
                }

                return;
        }

        void WriteFixed<T>(T[] values, int first, int n, bool all, ByteBuffer o)
            where T : struct
        {
            if (all)
            {
                o.Write<T>(values.AsSpan(first, n));
                return;
            }

            int size = Unsafe.SizeOf<T>();
            for (int i = 0; i < n; i++)
            {
                if (IsPresent(first, i))
                {
                    MemoryMarshal.AsBytes(values.AsSpan(first + i, 1)).CopyTo(o.GetSpan(size));
                    o.Advance(size);
                }
            }
        }
    }

    /// <summary>Whether row <c>chunkRow + i</c> of the current chunk is present (levels are chunk-relative).</summary>
    private bool IsPresent(int row, int i) => _levels[row - _chunkStart + i] != 0;

    private int _chunkStart;

    /// <summary>Builds the dictionary and the indices of the non-null values, or returns null to use PLAIN.</summary>
    private ChunkDictionary? TryBuildDictionary(ColumnBuffer column, int start, int count, int nonNull)
    {
        ParquetColumn col = column.Column;
        EnsureIndices(nonNull);
        return column.Values switch
        {
            string?[] s => BuildStrings(col, s, start, count),
            int[] n when LowCardinality(n, start, count) => BuildNumeric(col, n, start, count, 4),
            long[] l when LowCardinality(l, start, count) => BuildNumeric(col, l, start, count, 8),
            double[] d when LowCardinality(d, start, count) => BuildNumeric(col, d, start, count, 8),
            float[] f when LowCardinality(f, start, count) => BuildNumeric(col, f, start, count, 4),
            _ => null,
        };
    }

    private ChunkDictionary? BuildStrings(ParquetColumn col, string?[] values, int start, int count)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var entries = new List<string>();
        Array.Clear(_identityKeys);
        long bytes = 0;
        int limit = _options.DictionaryPageBytes;
        int k = 0;
        for (int i = 0; i < count; i++)
        {
            string? v = values[start + i];
            if (v is null || (col.Nullable && _levels[i] == 0))
            {
                continue;
            }

            int slot = RuntimeHelpers.GetHashCode(v) & (IdentityCacheSize - 1);
            if (ReferenceEquals(_identityKeys[slot], v))
            {
                _indices[k++] = _identityValues[slot];
                continue;
            }

            if (!map.TryGetValue(v, out int id))
            {
                id = entries.Count;
                map.Add(v, id);
                entries.Add(v);
                bytes += 4 + Encoding.UTF8.GetByteCount(v);
                if (bytes > limit)
                {
                    return null;
                }
            }

            _identityKeys[slot] = v;
            _identityValues[slot] = id;
            _indices[k++] = id;
        }

        return new ChunkDictionary(entries.ToArray());
    }

    private static bool LowCardinality<T>(T[] values, int start, int count)
        where T : struct
    {
        int n = Math.Min(count, 1024);
        if (n < 64)
        {
            return false;
        }

        var seen = new HashSet<T>();
        for (int i = 0; i < n; i++)
        {
            seen.Add(values[start + i]);
            if (seen.Count > n / 8)
            {
                return false;
            }
        }

        return true;
    }

    private ChunkDictionary? BuildNumeric<T>(ParquetColumn col, T[] values, int start, int count, int width)
        where T : struct
    {
        var map = new Dictionary<T, int>();
        var entries = new List<T>();
        int maxEntries = Math.Max(1, _options.DictionaryPageBytes / width);
        int k = 0;
        for (int i = 0; i < count; i++)
        {
            if (col.Nullable && _levels[i] == 0)
            {
                continue;
            }

            T v = values[start + i];
            if (!map.TryGetValue(v, out int id))
            {
                id = entries.Count;
                if (id >= maxEntries)
                {
                    return null;
                }

                map.Add(v, id);
                entries.Add(v);
            }

            _indices[k++] = id;
        }

        return new ChunkDictionary(entries.ToArray());
    }

    private static void EncodeDictionaryValues(ChunkDictionary dict, ByteBuffer output)
    {
        switch (dict.Values)
        {
            case int[] n: output.Write<int>(n); break;
            case long[] l: output.Write<long>(l); break;
            case float[] f: output.Write<float>(f); break;
            case double[] d: output.Write<double>(d); break;
            case string[] s:
                foreach (string v in s)
                {
                    output.WriteLengthPrefixedUtf8(v);
                }

                break;
        }
    }

    /// <summary>A column chunk's dictionary: distinct values in first-seen order.</summary>
    private sealed record ChunkDictionary(Array Values)
    {
        public int Count => Values.Length;

        /// <summary>Bits per RLE_DICTIONARY index (at least 1).</summary>
        public int IndexBitWidth => Math.Max(1, RleBitPackedHybrid.BitWidth(Count - 1));
    }
}
