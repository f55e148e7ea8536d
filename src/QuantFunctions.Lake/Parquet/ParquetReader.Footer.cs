using System.Buffers.Binary;

namespace QuantFunctions.Lake.Parquet;

/// <summary>Footer parsing, validation and chunk access.</summary>
public sealed partial class ParquetReader
{
    private static (ThriftFileMetaData, long) ParseFooter(ReadOnlySpan<byte> tail, long length, string? file, ParquetReaderOptions options, Func<long, int, byte[]> read)
    {
        if (length < 12)
        {
            throw new ParquetFormatException($"file of {length} bytes is too short to be Parquet (at least 12 bytes)", file, offset: 0);
        }

        if (tail[4..].SequenceEqual("PARE"u8))
        {
            throw new ParquetNotSupportedException("encrypted footer (PARE)", file);
        }

        if (!tail[4..].SequenceEqual(Magic))
        {
            throw new ParquetFormatException("wrong magic at the end of the file (expected PAR1)", file, offset: length - 4);
        }

        byte[] head = read(0, 4);
        if (!head.AsSpan().SequenceEqual(Magic))
        {
            throw new ParquetFormatException("wrong magic at the start of the file (expected PAR1)", file, offset: 0);
        }

        uint footerLength = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        if (footerLength > length - 12 || footerLength > (uint)options.MaxFooterBytes || footerLength == 0)
        {
            throw new ParquetFormatException($"corrupt footer length {footerLength} (file has {length} bytes)", file, offset: length - 8);
        }

        long footerStart = length - 8 - footerLength;
        byte[] footer = read(footerStart, (int)footerLength);
        try
        {
            var reader = new ThriftCompactReader(footer, footerStart);
            return (ThriftFileMetaData.Read(ref reader), footerStart);
        }
        catch (ParquetFormatException ex)
        {
            throw ex.WithContext(file);
        }
    }

    private void ValidateRowGroups()
    {
        int leaves = Schema.Columns.Count;
        for (int i = 0; i < _meta.RowGroups.Count; i++)
        {
            ThriftRowGroup g = _meta.RowGroups[i];
            if (g.Columns.Count != leaves)
            {
                throw new ParquetFormatException($"row group has {g.Columns.Count} column chunks, the schema {leaves} columns", FileName, i);
            }

            if (g.NumRows > _options.MaxRowGroupRows)
            {
                throw new ParquetFormatException($"row group declares {g.NumRows} rows, more than the limit of {_options.MaxRowGroupRows}", FileName, i);
            }

            for (int c = 0; c < leaves; c++)
            {
                ThriftColumnChunk chunk = g.Columns[c];
                ParquetColumn column = Schema.Columns[c];
                if (!chunk.HasMetaData)
                {
                    throw new ParquetFormatException("column chunk without ColumnMetaData", FileName, i, column.Name);
                }

                if (chunk.Type != (int)column.PhysicalType)
                {
                    throw new ParquetFormatException($"column chunk type {chunk.Type} differs from the schema's {column.PhysicalType}", FileName, i, column.Name);
                }

                if (chunk.NumValues != g.NumRows)
                {
                    throw new ParquetFormatException($"column chunk holds {chunk.NumValues} values, the row group {g.NumRows} rows", FileName, i, column.Name);
                }
            }
        }
    }

    private (long Start, int Length) ChunkRange(int rowGroup, int column)
    {
        ThriftColumnChunk chunk = _meta.RowGroups[rowGroup].Columns[column];
        string name = Schema.Columns[column].Name;
        if (chunk.FilePath is not null)
        {
            throw new ParquetNotSupportedException($"column chunk stored in another file ('{chunk.FilePath}')", FileName, name);
        }

        if (!ParquetCompression.IsSupported((ParquetCodec)chunk.Codec))
        {
            throw new ParquetNotSupportedException($"codec {ParquetCompression.Name(chunk.Codec)}", FileName, name);
        }

        long start = chunk.StartOffset;
        long size = chunk.TotalCompressedSize;
        if (start < 4 || size < 0 || size > int.MaxValue || start + size > _footerStart)
        {
            throw new ParquetFormatException($"column chunk [{start}, {start + size}) lies outside the data section [4, {_footerStart})", FileName, rowGroup, name, start);
        }

        return (start, (int)size);
    }

    /// <summary>
    /// Charges the result buffers of every projected column (values and validity for the declared row count) before
    /// any is allocated or any page read: a row group declaring millions of rows fails here, not after allocating.
    /// </summary>
    private void ChargeColumnBuffers(int rowGroup, int[] projection, ParquetReadBudget budget)
    {
        long rows = _meta.RowGroups[rowGroup].NumRows;
        foreach (int c in projection)
        {
            ParquetColumn col = Schema.Columns[c];
            try
            {
                budget.Charge(ColumnBuffer.AllocationBytes(col, rows), "the column buffer for {0} rows", rows);
            }
            catch (ParquetFormatException ex)
            {
                throw ex.WithContext(FileName, rowGroup, col.Name);
            }
        }
    }

    /// <summary>Charges the growth of the buffer that holds one column chunk's bytes read from a stream.</summary>
    private void ChargeChunkBytes(int rowGroup, int column, int length, ParquetReadBudget budget, ref long charged)
    {
        try
        {
            budget.ChargeScratch(ref charged, length, "the column chunk's {0} bytes", length);
        }
        catch (ParquetFormatException ex)
        {
            throw ex.WithContext(FileName, rowGroup, Schema.Columns[column].Name);
        }
    }

    private ColumnBuffer DecodeChunk(int rowGroup, int column, ReadOnlySpan<byte> bytes, long start, ParquetReadBudget budget)
    {
        ThriftColumnChunk chunk = _meta.RowGroups[rowGroup].Columns[column];
        ParquetColumn col = Schema.Columns[column];
        try
        {
            return new ColumnChunkDecoder(col, (ParquetCodec)chunk.Codec, _options.VerifyChecksums, budget).Decode(bytes, start, (int)_meta.RowGroups[rowGroup].NumRows);
        }
        catch (ParquetFormatException ex)
        {
            throw ex.WithContext(FileName, rowGroup, col.Name);
        }
        catch (ParquetNotSupportedException ex)
        {
            throw ex.WithContext(FileName, col.Name);
        }
    }

    private int[] Project(IReadOnlyList<string>? columns)
    {
        if (columns is null)
        {
            int[] all = new int[Schema.Columns.Count];
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = i;
            }

            return all;
        }

        int[] picked = new int[columns.Count];
        for (int i = 0; i < picked.Length; i++)
        {
            picked[i] = ColumnIndex(columns[i], nameof(columns));
        }

        return picked;
    }

    private int ColumnIndex(string name, string paramName)
    {
        int index = Schema.IndexOf(name);
        return index >= 0 ? index : throw new ArgumentException($"no column '{name}' in {FileName ?? "the file"}", paramName);
    }

    private int CheckIndex(int rowGroup)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowGroup);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rowGroup, _meta.RowGroups.Count);
        return rowGroup;
    }

    private static void CheckSeekable(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanRead)
        {
            throw new ArgumentException("the stream must be readable and seekable", nameof(stream));
        }
    }

    private static byte[] ReadBytes(Stream stream, long offset, int count)
    {
        byte[] bytes = new byte[count];
        ReadAt(stream, offset, bytes);
        return bytes;
    }

    private static void ReadAt(Stream stream, long offset, Span<byte> destination)
    {
        stream.Position = offset;
        stream.ReadExactly(destination);
    }

    private static async ValueTask ReadAtAsync(Stream stream, long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        stream.Position = offset;
        await stream.ReadExactlyAsync(destination, cancellationToken).ConfigureAwait(false);
    }
}
