using System.Buffers;
using System.Buffers.Binary;

namespace QuantFunctions.Lake.Parquet;

/// <summary>Value decoding of a data page section by encoding, and null spreading.</summary>
internal sealed partial class ColumnChunkDecoder
{
    private void DecodeValues(int encoding, ReadOnlySpan<byte> data, int count, Array values, int start, long offset)
    {
        switch (encoding)
        {
            case 0:
                ChargePlainValues(data.Length, count);
                PlainDecoder.Decode(_column, data, count, values, start, offset);
                return;
            case 2 or 8:
                DecodeDictionaryIndices(data, count, values, start, offset);
                return;
            case 3 when _column.Storage == ColumnStorage.Boolean:
                DecodeRleBooleans(data, count, (bool[])values, start, offset);
                return;
            case 5 when _column.Storage is ColumnStorage.Int32 or ColumnStorage.Int64 && _column.PhysicalType != ParquetPhysicalType.Int96:
                DecodeDeltaIntegers(data, count, values, start, offset);
                return;
            case 6 when _column.PhysicalType == ParquetPhysicalType.ByteArray && MaterialisesValues:
                DeltaDecoder.DecodeByteArrays(data, count, values, start, offset, _budget, prefixed: false, fixedLength: 0);
                return;
            case 7 when _column.PhysicalType is ParquetPhysicalType.ByteArray or ParquetPhysicalType.FixedLenByteArray && MaterialisesValues:
                DeltaDecoder.DecodeByteArrays(data, count, values, start, offset, _budget, prefixed: true,
                    fixedLength: _column.PhysicalType == ParquetPhysicalType.FixedLenByteArray ? _column.TypeLength : 0);
                return;
            case 9 when _column.Kind != ParquetValueKind.Float16 && _column.PhysicalType is not (ParquetPhysicalType.Boolean or ParquetPhysicalType.ByteArray or ParquetPhysicalType.Int96):
                int width = _column.PhysicalType switch
                {
                    ParquetPhysicalType.Int32 or ParquetPhysicalType.Float => 4,
                    ParquetPhysicalType.Int64 or ParquetPhysicalType.Double => 8,
                    _ => _column.TypeLength,
                };
                if (MaterialisesValues)
                {
                    _budget.Charge(ParquetReadBudget.ValueBytes(count, (long)count * width, _column.Storage == ColumnStorage.String), "{0} BYTE_STREAM_SPLIT values", count);
                }

                DeltaDecoder.DecodeByteStreamSplit(data, width, count, values, start, offset);
                return;
            default:
                throw new ParquetNotSupportedException($"encoding {EncodingName(encoding)} for a {_column.PhysicalType} column", column: _column.Name);
        }
    }

    private void DecodeDictionaryIndices(ReadOnlySpan<byte> data, int count, Array values, int start, long offset)
    {
        if (count == 0)
        {
            return;
        }

        if (_dictionary is null)
        {
            throw new ParquetFormatException("dictionary-encoded page without a dictionary page", offset: offset);
        }

        if (data.Length < 1)
        {
            throw new ParquetFormatException("dictionary-encoded page without its bit width byte", offset: offset);
        }

        ChargeScratch(count, sizeof(int));
        int[] idx = ArrayPool<int>.Shared.Rent(count);
        try
        {
            Span<int> ids = idx.AsSpan(0, count);
            RleBitPackedHybrid.Decode(data[1..], data[0], ids, offset + 1);
            uint limit = (uint)_dictionaryCount;
            for (int i = 0; i < ids.Length; i++)
            {
                if ((uint)ids[i] >= limit)
                {
                    throw new ParquetFormatException($"dictionary index {ids[i]} out of range (the dictionary has {_dictionaryCount} entries) at value {i}", offset: offset);
                }
            }

            switch (values)
            {
                case bool[] b: Gather((bool[])_dictionary, ids, b.AsSpan(start, count)); break;
                case int[] n: Gather((int[])_dictionary, ids, n.AsSpan(start, count)); break;
                case long[] l: Gather((long[])_dictionary, ids, l.AsSpan(start, count)); break;
                case float[] f: Gather((float[])_dictionary, ids, f.AsSpan(start, count)); break;
                case double[] d: Gather((double[])_dictionary, ids, d.AsSpan(start, count)); break;
                case string[] s: Gather((string[])_dictionary, ids, s.AsSpan(start, count)); break;
                default: Gather((byte[][])_dictionary, ids, ((byte[][])values).AsSpan(start, count)); break;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(idx);
        }
    }

    private static void Gather<T>(T[] dictionary, ReadOnlySpan<int> ids, Span<T> destination)
    {
        for (int i = 0; i < ids.Length; i++)
        {
            destination[i] = dictionary[ids[i]];
        }
    }

    private void DecodeRleBooleans(ReadOnlySpan<byte> data, int count, bool[] values, int start, long offset)
    {
        if (data.Length < 4)
        {
            throw new ParquetFormatException("RLE boolean data without its length prefix", offset: offset);
        }

        int len = BinaryPrimitives.ReadInt32LittleEndian(data);
        if (len < 0 || len > data.Length - 4)
        {
            throw new ParquetFormatException($"RLE boolean length {len} past the end of the page", offset: offset);
        }

        DecodeBits(data.Slice(4, len), count, values, start, offset + 4);
    }

    private void DecodeDeltaIntegers(ReadOnlySpan<byte> data, int count, Array values, int start, long offset)
    {
        if (values is long[] longs)
        {
            DeltaDecoder.DecodeBinaryPacked(data, longs.AsSpan(start, count), offset);
            return;
        }

        ChargeScratch(count, sizeof(long));
        long[] tmp = ArrayPool<long>.Shared.Rent(Math.Max(count, 1));
        try
        {
            DeltaDecoder.DecodeBinaryPacked(data, tmp.AsSpan(0, count), offset);
            var ints = (int[])values;
            for (int i = 0; i < count; i++)
            {
                ints[start + i] = unchecked((int)tmp[i]);
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(tmp);
        }
    }

    /// <summary>Moves the <paramref name="nonNull"/> packed values at <paramref name="start"/> to their rows.</summary>
    private static void Scatter(Array values, int start, int n, int nonNull, bool[] validity)
    {
        switch (values)
        {
            case bool[] b: Scatter(b, start, n, nonNull, validity); break;
            case int[] i: Scatter(i, start, n, nonNull, validity); break;
            case long[] l: Scatter(l, start, n, nonNull, validity); break;
            case float[] f: Scatter(f, start, n, nonNull, validity); break;
            case double[] d: Scatter(d, start, n, nonNull, validity); break;
            case string[] s: Scatter(s, start, n, nonNull, validity); break;
            default: Scatter((byte[][])values, start, n, nonNull, validity); break;
        }
    }

    private static void Scatter<T>(T[] values, int start, int n, int nonNull, bool[] validity)
    {
        int k = nonNull;
        for (int i = n - 1; i >= 0 && k <= i; i--)
        {
            values[start + i] = validity[start + i] ? values[start + --k] : default!;
        }
    }
}
