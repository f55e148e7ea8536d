using System.Buffers;
using System.Buffers.Binary;

namespace QuantFunctions.Lake.Parquet;

/// <summary>
/// Decodes the pages of one column chunk (FORMAT-NOTES §1, §5): optional dictionary page, data pages V1/V2,
/// unknown page types skipped. Every size is checked against the chunk before it is used, and every allocation a
/// declared size causes is charged to the read's <see cref="ParquetReadBudget"/> first.
/// </summary>
internal sealed partial class ColumnChunkDecoder
{
    private readonly ParquetColumn _column;
    private readonly ParquetCodec _codec;
    private readonly bool _verifyChecksums;
    private readonly ParquetReadBudget _budget;
    private Array? _dictionary;
    private int _dictionaryCount;
    private byte[]? _inflateBuffer;
    private long _inflateCharged;
    private long _intScratchCharged;
    private long _longScratchCharged;
    private int _page;

    public ColumnChunkDecoder(ParquetColumn column, ParquetCodec codec, bool verifyChecksums, ParquetReadBudget budget)
    {
        _column = column;
        _codec = codec;
        _verifyChecksums = verifyChecksums;
        _budget = budget;
    }

    private bool MaterialisesValues => _column.Storage is ColumnStorage.String or ColumnStorage.Binary;

    /// <summary>
    /// Decodes <paramref name="numRows"/> rows from the chunk bytes that start at absolute <paramref name="chunkOffset"/>.
    /// The result buffer is allocated here; the caller has charged it (<see cref="ColumnBuffer.AllocationBytes"/>).
    /// </summary>
    public ColumnBuffer Decode(ReadOnlySpan<byte> chunk, long chunkOffset, int numRows)
    {
        if (!ParquetCompression.IsSupported(_codec))
        {
            throw new ParquetNotSupportedException($"codec {ParquetCompression.Name((int)_codec)}", column: _column.Name);
        }

        bool[]? validity = _column.Nullable ? new bool[numRows] : null;
        ColumnBuffer result = ColumnBuffer.Allocate(_column, numRows, validity);
        Array values = result.Values;
        int rows = 0, pos = 0;
        bool anyNull = false;
        _page = -1;
        try
        {
            while (rows < numRows)
            {
                if (pos >= chunk.Length)
                {
                    throw new ParquetFormatException($"column chunk ended after {rows} of {numRows} values", offset: chunkOffset + pos);
                }

                _page++;
                var reader = new ThriftCompactReader(chunk[pos..], chunkOffset + pos);
                ThriftPageHeader h = ThriftPageHeader.Read(ref reader);
                pos += reader.Position;
                long bodyOffset = chunkOffset + pos;
                if (h.CompressedSize > chunk.Length - pos)
                {
                    throw new ParquetFormatException($"page of {h.CompressedSize} bytes runs past the end of the column chunk ({chunk.Length - pos} bytes left)", offset: bodyOffset);
                }

                ReadOnlySpan<byte> body = chunk.Slice(pos, h.CompressedSize);
                pos += h.CompressedSize;
                if (h.Crc is int crc && _verifyChecksums && unchecked((int)Crc32.Compute(body)) != crc)
                {
                    throw new ParquetFormatException($"page {_page}: CRC-32 mismatch", offset: bodyOffset);
                }

                switch (h.Type)
                {
                    case ThriftPageHeader.DictionaryPage:
                        ReadDictionary(h, body, bodyOffset);
                        break;
                    case ThriftPageHeader.DataPage:
                        rows += ReadDataPageV1(h, body, bodyOffset, values, validity, rows, numRows, ref anyNull);
                        break;
                    case ThriftPageHeader.DataPageV2:
                        rows += ReadDataPageV2(h, body, bodyOffset, values, validity, rows, numRows, ref anyNull);
                        break;
                    default:
                        break;
                }
            }
        }
        finally
        {
            if (_inflateBuffer is not null)
            {
                ArrayPool<byte>.Shared.Return(_inflateBuffer);
                _inflateBuffer = null;
            }
        }

        return anyNull || validity is null ? result : ColumnBuffer.Create(_column, values, null, numRows);
    }

    private void ReadDictionary(ThriftPageHeader h, ReadOnlySpan<byte> body, long offset)
    {
        if (_dictionary is not null)
        {
            throw new ParquetFormatException("a second dictionary page in one column chunk", offset: offset);
        }

        if (!h.HasDataHeader || h.Encoding is not (0 or 2))
        {
            throw new ParquetFormatException($"dictionary page without header or with encoding {h.Encoding}", offset: offset);
        }

        ReadOnlySpan<byte> page = Inflate(h.UncompressedSize, body, offset);
        long maxValues = _column.PhysicalType == ParquetPhysicalType.Boolean ? page.Length * 8L : page.Length;
        if (h.NumValues > maxValues)
        {
            throw new ParquetFormatException($"dictionary page declares {h.NumValues} values in {page.Length} bytes", offset: offset);
        }

        _budget.Charge(ParquetReadBudget.ArrayBytes(h.NumValues, ColumnBuffer.ElementSize(_column.Storage)), "a dictionary of {0} values", h.NumValues);
        ChargePlainValues(page.Length, h.NumValues);
        Array dict = Array.CreateInstance(ColumnBuffer.ArrayType(_column.Storage).GetElementType()!, h.NumValues);
        PlainDecoder.Decode(_column, page, h.NumValues, dict, 0, offset);
        _dictionary = dict;
        _dictionaryCount = h.NumValues;
    }

    private int ReadDataPageV1(ThriftPageHeader h, ReadOnlySpan<byte> body, long offset, Array values, bool[]? validity, int rows, int numRows, ref bool anyNull)
    {
        int n = CheckPageRows(h, rows, numRows, offset);
        ReadOnlySpan<byte> page = Inflate(h.UncompressedSize, body, offset);
        int p = 0;
        int nonNull = n;
        if (validity is not null)
        {
            if (h.DefinitionLevelEncoding != 3)
            {
                throw new ParquetNotSupportedException($"definition level encoding {EncodingName(h.DefinitionLevelEncoding)}", column: _column.Name);
            }

            int len = page.Length < 4 ? -1 : BinaryPrimitives.ReadInt32LittleEndian(page);
            if (len < 0 || len > page.Length - 4)
            {
                throw new ParquetFormatException($"definition levels (length {len}) past the end of the {page.Length}-byte page", offset: offset);
            }

            nonNull = DecodeBits(page.Slice(4, len), n, validity, rows, offset + 4);
            p = 4 + len;
        }

        FinishPage(h.Encoding, page[p..], offset + p, n, nonNull, values, validity, rows, ref anyNull);
        return n;
    }

    private int ReadDataPageV2(ThriftPageHeader h, ReadOnlySpan<byte> body, long offset, Array values, bool[]? validity, int rows, int numRows, ref bool anyNull)
    {
        int n = CheckPageRows(h, rows, numRows, offset);
        long levelBytes = (long)h.RepetitionLevelsByteLength + h.DefinitionLevelsByteLength;
        if (levelBytes > body.Length || levelBytes > h.UncompressedSize)
        {
            throw new ParquetFormatException($"V2 level sections ({levelBytes} bytes) exceed the page", offset: offset);
        }

        if (h.NumNulls > n || (validity is null && h.NumNulls != 0))
        {
            throw new ParquetFormatException($"V2 page declares {h.NumNulls} nulls in {n} values", offset: offset);
        }

        int nonNull = n - h.NumNulls;
        if (validity is not null)
        {
            ReadOnlySpan<byte> def = body.Slice(h.RepetitionLevelsByteLength, h.DefinitionLevelsByteLength);
            int counted = DecodeBits(def, n, validity, rows, offset + h.RepetitionLevelsByteLength);
            if (counted != nonNull)
            {
                throw new ParquetFormatException($"V2 page declares {h.NumNulls} nulls, its definition levels hold {n - counted}", offset: offset);
            }
        }

        ReadOnlySpan<byte> section = body[(int)levelBytes..];
        long sectionOffset = offset + levelBytes;
        if (h.IsCompressed && _codec != ParquetCodec.Uncompressed && section.Length > 0)
        {
            section = Inflate(h.UncompressedSize - (int)levelBytes, section, sectionOffset);
        }

        FinishPage(h.Encoding, section, sectionOffset, n, nonNull, values, validity, rows, ref anyNull);
        return n;
    }

    /// <summary>Decodes the page's non-null values and spreads them over their rows.</summary>
    private void FinishPage(int encoding, ReadOnlySpan<byte> section, long offset, int n, int nonNull, Array values, bool[]? validity, int rows, ref bool anyNull)
    {
        DecodeValues(encoding, section, nonNull, values, rows, offset);
        if (nonNull < n)
        {
            anyNull = true;
            Scatter(values, rows, n, nonNull, validity!);
        }
    }

    private static int CheckPageRows(ThriftPageHeader h, int rows, int numRows, long offset)
    {
        if (!h.HasDataHeader)
        {
            throw new ParquetFormatException("data page without its data page header", offset: offset);
        }

        if (h.NumValues > numRows - rows)
        {
            throw new ParquetFormatException($"data page declares {h.NumValues} values, only {numRows - rows} remain in the column chunk", offset: offset);
        }

        return h.NumValues;
    }

    /// <summary>
    /// Decodes n RLE/bit-packed values of bit width 1 into <paramref name="flags"/> from <paramref name="start"/>
    /// (definition levels into validity, RLE booleans into values); returns their sum, the non-null count for levels.
    /// </summary>
    private int DecodeBits(ReadOnlySpan<byte> data, int n, bool[] flags, int start, long offset)
    {
        ChargeScratch(n, sizeof(int));
        int[] levels = ArrayPool<int>.Shared.Rent(Math.Max(n, 1));
        try
        {
            Span<int> lv = levels.AsSpan(0, n);
            RleBitPackedHybrid.Decode(data, 1, lv, offset);
            int nonNull = 0;
            Span<bool> set = flags.AsSpan(start, n);
            for (int i = 0; i < lv.Length; i++)
            {
                int l = lv[i];
                nonNull += l;
                set[i] = l != 0;
            }

            return nonNull;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(levels);
        }
    }

    private ReadOnlySpan<byte> Inflate(int uncompressedSize, ReadOnlySpan<byte> body, long offset)
    {
        if (_codec == ParquetCodec.Uncompressed)
        {
            if (uncompressedSize != body.Length)
            {
                throw new ParquetFormatException($"page {_page}: uncompressed page declares {uncompressedSize} bytes but stores {body.Length}", offset: offset);
            }

            return body;
        }

        // Bounded by the page's declared size alone (no ratio): that size is charged to the read budget before the
        // buffer is rented, and the codec inflates into exactly that many bytes.
        ParquetCompression.CheckDeclaredSize(_codec, body, uncompressedSize, offset, _page);
        _budget.ChargeScratch(ref _inflateCharged, uncompressedSize, "page {0}'s declared uncompressed size of {1} bytes", _page, uncompressedSize);
        if (_inflateBuffer is null || _inflateBuffer.Length < uncompressedSize)
        {
            if (_inflateBuffer is not null)
            {
                ArrayPool<byte>.Shared.Return(_inflateBuffer);
            }

            _inflateBuffer = ArrayPool<byte>.Shared.Rent(Math.Max(uncompressedSize, 1024));
        }

        Span<byte> dest = _inflateBuffer.AsSpan(0, uncompressedSize);
        ParquetCompression.Decompress(_codec, body, dest, offset, _page);
        return dest;
    }

    /// <summary>Charges a per-page scratch rental of <paramref name="count"/> ints or longs at its pool's high-water mark.</summary>
    private void ChargeScratch(int count, int elementSize) =>
        _budget.ChargeScratch(ref elementSize == sizeof(long) ? ref _longScratchCharged : ref _intScratchCharged, (long)count * elementSize, "scratch for {0} values", count);

    /// <summary>Charges the strings or binaries PLAIN decoding materialises from <paramref name="dataLength"/> bytes (nothing for fixed-size values, which live in the charged column buffer).</summary>
    private void ChargePlainValues(int dataLength, int count)
    {
        if (!MaterialisesValues)
        {
            return;
        }

        long payload = _column.PhysicalType == ParquetPhysicalType.ByteArray
            ? Math.Max(0, dataLength - (4L * count))
            : Math.Min(dataLength, (long)count * (_column.PhysicalType == ParquetPhysicalType.Int96 ? 12 : _column.TypeLength));
        _budget.Charge(ParquetReadBudget.ValueBytes(count, payload, _column.Storage == ColumnStorage.String), "{0} PLAIN values", count);
    }

    internal static string EncodingName(int encoding) => encoding switch
    {
        0 => "PLAIN",
        2 => "PLAIN_DICTIONARY",
        3 => "RLE",
        4 => "BIT_PACKED",
        5 => "DELTA_BINARY_PACKED",
        6 => "DELTA_LENGTH_BYTE_ARRAY",
        7 => "DELTA_BYTE_ARRAY",
        8 => "RLE_DICTIONARY",
        9 => "BYTE_STREAM_SPLIT",
        10 => "ALP",
        _ => $"encoding #{encoding}",
    };
}
