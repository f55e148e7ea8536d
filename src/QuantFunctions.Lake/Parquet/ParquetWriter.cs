namespace QuantFunctions.Lake.Parquet;

/// <summary>
/// Writes a flat Parquet file to a stream (which need not be seekable): "PAR1", row groups flushed as they
/// fill (at most one row group is buffered), then the footer on <see cref="Complete"/>/<see cref="CompleteAsync"/>
/// or disposal. Data pages are V1; see <see cref="ParquetWriterOptions"/> for codec, sizes and metadata.
/// </summary>
public sealed class ParquetWriter : IDisposable, IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly ParquetSchema _schema;
    private readonly ParquetWriterOptions _options;
    private readonly ThriftFileMetaData _meta = new();
    private readonly ColumnChunkEncoder _encoder;
    private readonly ByteBuffer _chunk = new(1 << 20);
    private readonly ColumnBuffer[] _pending;
    private int _pendingRows;
    private long _position;
    private bool _completed;
    private bool _faulted;

    /// <summary>Creates the writer; validates that every column can be written.</summary>
    public ParquetWriter(Stream stream, ParquetSchema schema, ParquetWriterOptions? options = null, bool leaveOpen = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(schema);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("the stream must be writable", nameof(stream));
        }

        if (schema.Columns.Count == 0)
        {
            throw new ArgumentException("the schema has no columns", nameof(schema));
        }

        foreach (ParquetColumn c in schema.Columns)
        {
            CheckWritable(c);
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
        _schema = schema;
        _options = options ?? new ParquetWriterOptions();
        _encoder = new ColumnChunkEncoder(_options);
        _pending = new ColumnBuffer[schema.Columns.Count];
        BuildSchemaMetadata();
    }

    /// <summary>Rows written to the stream so far (excluding the buffered partial row group).</summary>
    public long RowsWritten => _meta.NumRows;

    /// <summary>Row groups flushed so far.</summary>
    public int RowGroupsWritten => _meta.RowGroups.Count;

    /// <summary>Appends rows; full row groups are encoded and written immediately.</summary>
    public void Write(IReadOnlyList<ColumnBuffer> columns) => WriteCore(columns, async: false, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Appends rows; full row groups are encoded and written asynchronously.</summary>
    public Task WriteAsync(IReadOnlyList<ColumnBuffer> columns, CancellationToken cancellationToken = default) => WriteCore(columns, async: true, cancellationToken);

    /// <summary>Flushes the partial row group and writes the footer.</summary>
    public void Complete() => CompleteCore(false, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Flushes the partial row group and writes the footer asynchronously.</summary>
    public Task CompleteAsync(CancellationToken cancellationToken = default) => CompleteCore(true, cancellationToken);

    /// <summary>Completes the file (unless a write failed) and releases buffers.</summary>
    public void Dispose()
    {
        try
        {
            if (!_completed && !_faulted)
            {
                Complete();
            }
        }
        finally
        {
            Release();
        }
    }

    /// <summary>Completes the file asynchronously (unless a write failed) and releases buffers.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_completed && !_faulted)
            {
                await CompleteAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            if (!_leaveOpen)
            {
                await _stream.DisposeAsync().ConfigureAwait(false);
            }

            _chunk.Dispose();
            _encoder.Dispose();
        }
    }

    private void Release()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }

        _chunk.Dispose();
        _encoder.Dispose();
    }

    private async Task WriteCore(IReadOnlyList<ColumnBuffer> columns, bool async, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        int n = CheckBatch(columns);
        try
        {
            int offset = 0;
            while (offset < n)
            {
                ct.ThrowIfCancellationRequested();
                if (_pendingRows == 0 && n - offset >= _options.RowGroupRows)
                {
                    await FlushRowGroup(columns, offset, _options.RowGroupRows, async, ct).ConfigureAwait(false);
                    offset += _options.RowGroupRows;
                    continue;
                }

                int take = Math.Min(_options.RowGroupRows - _pendingRows, n - offset);
                AppendPending(columns, offset, take);
                offset += take;
                if (_pendingRows == _options.RowGroupRows)
                {
                    await FlushRowGroup(_pending, 0, _pendingRows, async, ct).ConfigureAwait(false);
                    _pendingRows = 0;
                }
            }
        }
        catch
        {
            _faulted = true;
            throw;
        }
    }

    private async Task CompleteCore(bool async, CancellationToken ct)
    {
        if (_completed)
        {
            return;
        }

        try
        {
            if (_pendingRows > 0)
            {
                await FlushRowGroup(_pending, 0, _pendingRows, async, ct).ConfigureAwait(false);
                _pendingRows = 0;
            }

            StartChunk();
            var w = new ThriftCompactWriter();
            _meta.Write(w);
            _chunk.Write(w.WrittenSpan);
            _chunk.WriteInt32(w.Length);
            _chunk.Write(ParquetReader.Magic);
            await Emit(async, ct).ConfigureAwait(false);
            if (async)
            {
                await _stream.FlushAsync(ct).ConfigureAwait(false);
            }
            else
            {
                _stream.Flush();
            }

            _completed = true;
        }
        catch
        {
            _faulted = true;
            throw;
        }
    }

    private async Task FlushRowGroup(IReadOnlyList<ColumnBuffer> columns, int start, int count, bool async, CancellationToken ct)
    {
        var group = new ThriftRowGroup { NumRows = count, Ordinal = (short)Math.Min(_meta.RowGroups.Count, short.MaxValue) };
        long compressed = 0;
        for (int c = 0; c < columns.Count; c++)
        {
            StartChunk();
            int prefix = _chunk.Length;
            ThriftColumnChunk meta = _encoder.Encode(columns[c], start, count, _chunk);
            long chunkStart = _position + prefix;
            meta.DataPageOffset += chunkStart;
            if (meta.DictionaryPageOffset is long d)
            {
                meta.DictionaryPageOffset = d + chunkStart;
            }

            group.FileOffset ??= meta.DictionaryPageOffset ?? meta.DataPageOffset;
            group.Columns.Add(meta);
            group.TotalByteSize += meta.TotalUncompressedSize;
            compressed += meta.TotalCompressedSize;
            await Emit(async, ct).ConfigureAwait(false);
        }

        group.TotalCompressedSize = compressed;
        _meta.RowGroups.Add(group);
        _meta.NumRows += count;
    }

    /// <summary>Empties the chunk buffer; the file's first bytes start with the leading magic.</summary>
    private void StartChunk()
    {
        _chunk.Clear();
        if (_position == 0)
        {
            _chunk.Write(ParquetReader.Magic);
        }
    }

    private async Task Emit(bool async, CancellationToken ct)
    {
        if (async)
        {
            await _stream.WriteAsync(_chunk.RawBuffer.AsMemory(0, _chunk.Length), ct).ConfigureAwait(false);
        }
        else
        {
            _stream.Write(_chunk.WrittenSpan);
        }

        _position += _chunk.Length;
    }

    private int CheckBatch(IReadOnlyList<ColumnBuffer> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count != _schema.Columns.Count)
        {
            throw new ArgumentException($"expected {_schema.Columns.Count} columns, got {columns.Count}", nameof(columns));
        }

        int n = columns[0].Length;
        for (int i = 0; i < columns.Count; i++)
        {
            ParquetColumn expected = _schema.Columns[i];
            ColumnBuffer c = columns[i];
            if (c.Column != expected)
            {
                throw new ArgumentException($"column {i} is '{c.Column.Name}' ({c.Column.Kind}), the schema expects '{expected.Name}' ({expected.Kind})", nameof(columns));
            }

            if (c.Length != n)
            {
                throw new ArgumentException($"column '{c.Column.Name}' has {c.Length} rows, column '{columns[0].Column.Name}' {n}", nameof(columns));
            }
        }

        return n;
    }

    private void AppendPending(IReadOnlyList<ColumnBuffer> columns, int offset, int count)
    {
        for (int c = 0; c < columns.Count; c++)
        {
            ColumnBuffer src = columns[c];
            ColumnBuffer? dst = _pending[c];
            if (dst is null)
            {
                bool[]? validity = src.Column.Nullable ? new bool[_options.RowGroupRows] : null;
                dst = _pending[c] = ColumnBuffer.Allocate(src.Column, _options.RowGroupRows, validity);
            }

            Array.Copy(src.Values, offset, dst.Values, _pendingRows, count);
            if (dst.Validity is not null)
            {
                for (int i = 0; i < count; i++)
                {
                    dst.Validity[_pendingRows + i] = !src.IsNull(offset + i);
                }
            }
        }

        _pendingRows += count;
    }

    private void BuildSchemaMetadata()
    {
        _meta.Schema.Add(new ThriftSchemaElement { Name = "schema", NumChildren = _schema.Columns.Count });
        foreach (ParquetColumn c in _schema.Columns)
        {
            _meta.Schema.Add(ParquetSchemaMapping.ToThrift(c));
            _meta.ColumnOrders.Add(1);
        }

        if (_options.SchemaVersion is not null)
        {
            _meta.KeyValues.Add(new(ParquetWriterOptions.SchemaVersionKey, _options.SchemaVersion));
        }

        if (_options.ContentFingerprint is not null)
        {
            _meta.KeyValues.Add(new(ParquetWriterOptions.ContentFingerprintKey, _options.ContentFingerprint));
        }

        if (_options.KeyValueMetadata is not null)
        {
            var keys = new List<string>(_options.KeyValueMetadata.Keys);
            keys.Sort(StringComparer.Ordinal);
            foreach (string k in keys)
            {
                _meta.KeyValues.Add(new(k, _options.KeyValueMetadata[k]));
            }
        }

        _meta.CreatedBy = _options.CreatedBy;
    }

    private static void CheckWritable(ParquetColumn c)
    {
        bool ok = c.Kind switch
        {
            ParquetValueKind.Boolean or ParquetValueKind.Float or ParquetValueKind.Double or ParquetValueKind.String
                or ParquetValueKind.Binary or ParquetValueKind.Date => true,
            ParquetValueKind.Int32 => c.PhysicalType == ParquetPhysicalType.Int32 && c.IntBitWidth is 0 or 32 && !c.IsUnsigned,
            ParquetValueKind.Int64 => c.PhysicalType == ParquetPhysicalType.Int64 && c.IntBitWidth is 0 or 64 && !c.IsUnsigned,
            ParquetValueKind.Timestamp => c.PhysicalType == ParquetPhysicalType.Int64,
            ParquetValueKind.Decimal => c.PhysicalType is ParquetPhysicalType.Int32 or ParquetPhysicalType.Int64,
            _ => false,
        };
        if (!ok || c.PhysicalType != DefaultPhysical(c))
        {
            throw new ParquetNotSupportedException($"writing a {c.Kind} column stored as {c.PhysicalType}", column: c.Name);
        }
    }

    private static ParquetPhysicalType DefaultPhysical(ParquetColumn c) => new ParquetColumn(c.Name, c.Kind, c.Nullable) { Precision = c.Precision }.PhysicalType;
}
