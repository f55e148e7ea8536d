namespace QuantFunctions.Lake.Parquet;

/// <summary>
/// Encodes a slice of a <see cref="ColumnBuffer"/> as one column chunk: optional dictionary page (PLAIN
/// values) then DATA_PAGE (V1) pages of [RLE definition levels] + PLAIN or RLE_DICTIONARY values
/// (FORMAT-NOTES §10 "Minimal writer"). Offsets in the returned metadata are relative to the chunk start.
/// Scratch buffers are reused across chunks.
/// </summary>
internal sealed partial class ColumnChunkEncoder : IDisposable
{
    private readonly ParquetWriterOptions _options;
    private readonly ThriftCompactWriter _header = new();
    private readonly ByteBuffer _page = new(1 << 16);
    private readonly ByteBuffer _packed = new(1 << 16);
    private int[] _levels = [];
    private int[] _indices = [];

    public ColumnChunkEncoder(ParquetWriterOptions options) => _options = options;

    /// <summary>Encodes rows [start, start + count) of <paramref name="column"/> into <paramref name="output"/>.</summary>
    public ThriftColumnChunk Encode(ColumnBuffer column, int start, int count, ByteBuffer output)
    {
        ParquetColumn col = column.Column;
        int chunkStart = output.Length;
        _chunkStart = start;
        int nonNull = BuildLevels(column, start, count);
        ThriftStatistics stats = ColumnStatistics.Compute(column, start, count, nonNull);
        var meta = new ThriftColumnChunk
        {
            HasMetaData = true,
            Type = (int)col.PhysicalType,
            Codec = (int)_options.Codec,
            NumValues = count,
            Statistics = stats,
        };
        meta.Path.Add(col.Name);

        long uncompressed = 0, compressed = 0;
        ChunkDictionary? dict = _options.EnableDictionary ? TryBuildDictionary(column, start, count, nonNull) : null;
        if (dict is not null)
        {
            meta.DictionaryPageOffset = output.Length - chunkStart;
            _page.Clear();
            EncodeDictionaryValues(dict, _page);
            (long u, long c) = WritePage(ThriftPageHeader.DictionaryPage, dict.Count, 0, output);
            uncompressed += u;
            compressed += c;
        }

        meta.DataPageOffset = output.Length - chunkStart;
        int rowsPerPage = RowsPerPage(column, start, count, dict);
        int valueIndex = 0;
        for (int r = 0; r < count || (count == 0 && r == 0); r += rowsPerPage)
        {
            int m = Math.Min(rowsPerPage, count - r);
            _page.Clear();
            int present = m;
            if (col.Nullable)
            {
                int lenAt = _page.Length;
                _page.WriteInt32(0);
                ReadOnlySpan<int> lv = _levels.AsSpan(r, m);
                RleBitPackedHybrid.Encode(lv, 1, _page);
                _page.PatchInt32(lenAt, _page.Length - lenAt - 4);
                present = 0;
                foreach (int l in lv)
                {
                    present += l;
                }
            }

            if (dict is not null)
            {
                int bw = dict.IndexBitWidth;
                _page.WriteByte((byte)bw);
                RleBitPackedHybrid.Encode(_indices.AsSpan(valueIndex, present), bw, _page);
            }
            else
            {
                EncodePlain(column, start + r, m, present, _page);
            }

            valueIndex += present;
            (long u, long c) = WritePage(ThriftPageHeader.DataPage, m, dict is null ? 0 : 8, output);
            uncompressed += u;
            compressed += c;
            if (count == 0)
            {
                break;
            }
        }

        meta.Encodings.Add(0);
        meta.Encodings.Add(3);
        if (dict is not null)
        {
            meta.Encodings.Add(8);
        }

        meta.TotalUncompressedSize = uncompressed;
        meta.TotalCompressedSize = compressed;
        return meta;
    }

    /// <summary>Compresses <see cref="_page"/> and appends header + body; returns (uncompressed, compressed) sizes incl. header.</summary>
    private (long Uncompressed, long Compressed) WritePage(int type, int numValues, int encoding, ByteBuffer output)
    {
        ReadOnlySpan<byte> raw = _page.WrittenSpan;
        ReadOnlySpan<byte> body = raw;
        if (_options.Codec != ParquetCodec.Uncompressed)
        {
            ParquetCompression.Compress(_options.Codec, raw, _packed, _options.CompressionLevel);
            body = _packed.WrittenSpan;
        }

        var h = new ThriftPageHeader
        {
            Type = type,
            UncompressedSize = raw.Length,
            CompressedSize = body.Length,
            Crc = _options.WritePageChecksums ? unchecked((int)Crc32.Compute(body)) : null,
            NumValues = numValues,
            Encoding = encoding,
        };
        _header.Clear();
        h.Write(_header);
        output.Write(_header.WrittenSpan);
        output.Write(body);
        return (_header.Length + raw.Length, _header.Length + body.Length);
    }

    /// <summary>Fills <see cref="_levels"/> (1 = present) for nullable columns; returns the non-null count.</summary>
    private int BuildLevels(ColumnBuffer column, int start, int count)
    {
        bool[]? validity = column.Validity;
        object?[]? refs = column.Values as object?[];
        if (!column.Column.Nullable)
        {
            if (refs is not null)
            {
                for (int i = 0; i < count; i++)
                {
                    if (refs[start + i] is null)
                    {
                        throw new ArgumentException($"column '{column.Column.Name}' is REQUIRED but row {start + i} is null");
                    }
                }
            }

            return count;
        }

        if (_levels.Length < count)
        {
            _levels = new int[Math.Max(count, 1024)];
        }

        int nonNull = 0;
        for (int i = 0; i < count; i++)
        {
            bool present = validity is not null ? validity[start + i] : true;
            if (present && refs is not null && refs[start + i] is null)
            {
                present = false;
            }

            _levels[i] = present ? 1 : 0;
            nonNull += present ? 1 : 0;
        }

        return nonNull;
    }

    private int RowsPerPage(ColumnBuffer column, int start, int count, ChunkDictionary? dict)
    {
        double bytesPerRow;
        if (dict is not null)
        {
            bytesPerRow = dict.IndexBitWidth / 8.0;
        }
        else
        {
            bytesPerRow = column.Column.Storage switch
            {
                ColumnStorage.Boolean => 0.125,
                ColumnStorage.Int32 or ColumnStorage.Float => 4,
                ColumnStorage.Int64 or ColumnStorage.Double => 8,
                _ => AverageVariableWidth(column, start, count),
            };
        }

        return (int)Math.Clamp(_options.DataPageBytes / Math.Max(bytesPerRow, 0.125), 1, Math.Max(count, 1));
    }

    private static double AverageVariableWidth(ColumnBuffer column, int start, int count)
    {
        int n = Math.Min(count, 1000);
        long total = 0;
        for (int i = 0; i < n; i++)
        {
            total += 4 + column.Values switch
            {
                string?[] s => (s[start + i]?.Length ?? 0) * 3,
                byte[]?[] b => b[start + i]?.Length ?? 0,
                _ => 0,
            };
        }

        return n == 0 ? 4 : Math.Max(4, total / (double)n);
    }

    private void EnsureIndices(int n)
    {
        if (_indices.Length < n)
        {
            _indices = new int[Math.Max(n, 1024)];
        }
    }

    public void Dispose()
    {
        _page.Dispose();
        _packed.Dispose();
    }
}
