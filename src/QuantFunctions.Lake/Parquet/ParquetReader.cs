using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace QuantFunctions.Lake.Parquet;

/// <summary>
/// Reads a flat Parquet file from a seekable <see cref="Stream"/> or from memory, row group by row group,
/// with column projection and statistics-based row group skipping. Not thread-safe.
/// </summary>
public sealed partial class ParquetReader : IDisposable, IAsyncDisposable
{
    /// <summary>The 4-byte magic at the start and end of every Parquet file.</summary>
    internal static ReadOnlySpan<byte> Magic => "PAR1"u8;

    private readonly Stream? _stream;
    private readonly bool _ownsStream;
    private readonly ReadOnlyMemory<byte> _memory;
    private readonly long _length;
    private readonly long _footerStart;
    private readonly ThriftFileMetaData _meta;
    private readonly ParquetReaderOptions _options;
    private int _decoded;
    private int _skipped;

    private ParquetReader(Stream? stream, bool ownsStream, ReadOnlyMemory<byte> memory, long length, string? fileName, ParquetReaderOptions options, ReadOnlySpan<byte> tail, Func<long, int, byte[]> readFooter)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        _memory = memory;
        _length = length;
        _options = options;
        FileName = fileName;
        (_meta, _footerStart) = ParseFooter(tail, length, fileName, options, readFooter);
        try
        {
            Schema = ParquetSchemaMapping.FromThrift(_meta.Schema, fileName);
            ValidateRowGroups();
        }
        catch (ParquetFormatException ex)
        {
            throw ex.WithContext(fileName, offset: _footerStart);
        }

        var kv = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string?> pair in _meta.KeyValues)
        {
            kv[pair.Key] = pair.Value;
        }

        KeyValueMetadata = kv;
    }

    /// <summary>The file name used in error messages (may be null).</summary>
    public string? FileName { get; }

    /// <summary>The flat schema.</summary>
    public ParquetSchema Schema { get; }

    /// <summary>Total rows (FileMetaData.num_rows).</summary>
    public long RowCount => _meta.NumRows;

    /// <summary>Number of row groups.</summary>
    public int RowGroupCount => _meta.RowGroups.Count;

    /// <summary>The file's key/value metadata.</summary>
    public IReadOnlyDictionary<string, string?> KeyValueMetadata { get; }

    /// <summary>The schema version stored by <see cref="ParquetWriter"/>, when present.</summary>
    public string? SchemaVersion => KeyValueMetadata.GetValueOrDefault(ParquetWriterOptions.SchemaVersionKey);

    /// <summary>The content fingerprint stored by <see cref="ParquetWriter"/>, when present.</summary>
    public string? ContentFingerprint => KeyValueMetadata.GetValueOrDefault(ParquetWriterOptions.ContentFingerprintKey);

    /// <summary>Row groups decoded so far by this reader.</summary>
    public int RowGroupsDecoded => _decoded;

    /// <summary>Row groups skipped so far because their statistics excluded the predicate.</summary>
    public int RowGroupsSkipped => _skipped;

    /// <summary>Opens a file by path (the reader owns the stream).</summary>
    public static ParquetReader Open(string path, ParquetReaderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.RandomAccess);
        try
        {
            return Open(fs, Path.GetFileName(path), options, leaveOpen: false);
        }
        catch
        {
            fs.Dispose();
            throw;
        }
    }

    /// <summary>Opens a seekable stream; reads the footer.</summary>
    public static ParquetReader Open(Stream stream, string? fileName = null, ParquetReaderOptions? options = null, bool leaveOpen = true)
    {
        CheckSeekable(stream);
        long length = stream.Length;
        byte[] tail = new byte[(int)Math.Min(length, 8)];
        ReadAt(stream, length - tail.Length, tail);
        return new ParquetReader(stream, !leaveOpen, default, length, fileName, options ?? new(), tail, (offset, count) => ReadBytes(stream, offset, count));
    }

    /// <summary>Opens a seekable stream asynchronously (the footer is read asynchronously).</summary>
    public static async Task<ParquetReader> OpenAsync(Stream stream, string? fileName = null, ParquetReaderOptions? options = null, bool leaveOpen = true, CancellationToken cancellationToken = default)
    {
        CheckSeekable(stream);
        long length = stream.Length;
        int tailLength = (int)Math.Min(length, 8);
        byte[] tail = new byte[tailLength];
        await ReadAtAsync(stream, length - tailLength, tail, cancellationToken).ConfigureAwait(false);
        byte[] footer = [];
        long footerOffset = -1;
        if (tailLength == 8 && tail.AsSpan(4).SequenceEqual(Magic))
        {
            uint len = BinaryPrimitives.ReadUInt32LittleEndian(tail);
            if (len <= length - 12 && len <= (options ?? new()).MaxFooterBytes)
            {
                footerOffset = length - 8 - len;
                footer = new byte[len];
                await ReadAtAsync(stream, footerOffset, footer, cancellationToken).ConfigureAwait(false);
            }
        }

        return new ParquetReader(stream, !leaveOpen, default, length, fileName, options ?? new(), tail,
            (offset, count) => offset == footerOffset && count == footer.Length ? footer : ReadBytes(stream, offset, count));
    }

    /// <summary>Opens an in-memory file (no copy).</summary>
    public static ParquetReader Open(ReadOnlyMemory<byte> data, string? fileName = null, ParquetReaderOptions? options = null)
    {
        ReadOnlySpan<byte> tail = data.Span[Math.Max(0, data.Length - 8)..];
        return new ParquetReader(null, false, data, data.Length, fileName, options ?? new(), tail,
            (offset, count) => data.Slice((int)offset, count).ToArray());
    }

    /// <summary>Rows of one row group.</summary>
    public long RowGroupRowCount(int rowGroup) => _meta.RowGroups[CheckIndex(rowGroup)].NumRows;

    /// <summary>Whether the statistics of row group <paramref name="rowGroup"/> allow rows in the predicate's range.</summary>
    public bool MayMatch(int rowGroup, ParquetRangePredicate predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        int col = ColumnIndex(predicate.Column, nameof(predicate));
        ThriftRowGroup g = _meta.RowGroups[CheckIndex(rowGroup)];
        return StatisticsPruning.MayOverlap(Schema.Columns[col], g.Columns[col].Statistics, g.NumRows, predicate);
    }

    /// <summary>Decodes one row group (projected columns, or all when null).</summary>
    public RowGroupBatch ReadRowGroup(int rowGroup, IReadOnlyList<string>? columns = null) =>
        ReadRowGroupCore(rowGroup, columns, async: false, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Decodes one row group, reading its bytes asynchronously.</summary>
    public Task<RowGroupBatch> ReadRowGroupAsync(int rowGroup, IReadOnlyList<string>? columns = null, CancellationToken cancellationToken = default) =>
        ReadRowGroupCore(rowGroup, columns, async: _stream is not null, cancellationToken);

    private async Task<RowGroupBatch> ReadRowGroupCore(int rowGroup, IReadOnlyList<string>? columns, bool async, CancellationToken cancellationToken)
    {
        int[] projection = Project(columns);
        ThriftRowGroup g = _meta.RowGroups[CheckIndex(rowGroup)];
        var budget = new ParquetReadBudget(_options.MaxReadBytes);
        ChargeColumnBuffers(rowGroup, projection, budget);
        var buffers = new ColumnBuffer[projection.Length];
        long chunkCharged = 0;
        for (int k = 0; k < projection.Length; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (g.NumRows == 0)
            {
                buffers[k] = ColumnBuffer.Allocate(Schema.Columns[projection[k]], 0, null);
                continue;
            }

            (long start, int length) = ChunkRange(rowGroup, projection[k]);
            if (_stream is null)
            {
                buffers[k] = DecodeChunk(rowGroup, projection[k], _memory.Span.Slice((int)start, length), start, budget);
                continue;
            }

            ChargeChunkBytes(rowGroup, projection[k], length, budget, ref chunkCharged);
            byte[] rented = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
            try
            {
                if (async)
                {
                    await ReadAtAsync(_stream, start, rented.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    ReadAt(_stream, start, rented.AsSpan(0, length));
                }

                buffers[k] = DecodeChunk(rowGroup, projection[k], rented.AsSpan(0, length), start, budget);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        Interlocked.Increment(ref _decoded);
        return new RowGroupBatch(rowGroup, (int)g.NumRows, buffers);
    }

    /// <summary>Streams the row groups in file order, skipping those the predicate excludes.</summary>
    public async IAsyncEnumerable<RowGroupBatch> ReadAsync(ParquetReadOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= new ParquetReadOptions();
        Project(options.Columns);
        for (int i = 0; i < _meta.RowGroups.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (options.Predicate is not null && !MayMatch(i, options.Predicate))
            {
                Interlocked.Increment(ref _skipped);
                continue;
            }

            yield return await ReadRowGroupAsync(i, options.Columns, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsStream)
        {
            _stream?.Dispose();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_ownsStream && _stream is not null)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
