namespace QuantFunctions.Lake.Azure;

/// <summary>
/// A write-only stream onto a block blob: bytes are buffered and staged as blocks (Put Block) as the producer
/// writes; the blob appears only when <see cref="CommitAsync"/> commits the block list. Disposing ends
/// writing (a producer may dispose the stream it was given) but commits nothing; <see cref="CommitAsync"/>
/// may still follow. Never committing leaves the blob untouched.
/// </summary>
public sealed class BlockBlobWriteStream : Stream
{
    private readonly BlobContainerClient _client;
    private readonly string _blobName;
    private readonly string? _leaseId;
    private readonly CancellationToken _writeToken;
    private readonly string _uploadId = BlobContainerClient.NewUploadId();
    private readonly List<string> _blockIds = [];
    private readonly int _capacity;
    private byte[] _buffer = [];
    private int _filled;
    private long _written;
    private bool _closed;
    private bool _committed;

    internal BlockBlobWriteStream(BlobContainerClient client, string blobName, string? leaseId, CancellationToken writeToken)
    {
        _client = client;
        _blobName = blobName;
        _leaseId = leaseId;
        _writeToken = writeToken;
        _capacity = Math.Max(client.Options.BlockSize, client.Options.BlockUploadThreshold);
    }

    /// <summary>Blocks staged so far.</summary>
    public int StagedBlocks => _blockIds.Count;

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => !_closed;

    /// <inheritdoc/>
    public override long Length => _written;

    /// <summary>Bytes written so far; setting it is not supported.</summary>
    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException("A block blob write stream is append-only.");
    }

    /// <summary>Commits what was written: one Put Blob when small and nothing was staged, else the remaining block and Put Block List.</summary>
    /// <exception cref="AzureStorageException">A condition failed (409/412) or the service refused the write.</exception>
    public async Task<BlobProperties> CommitAsync(BlobWriteConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        if (_committed)
        {
            throw new InvalidOperationException($"The write of '{_blobName}' was already committed.");
        }

        _committed = true;
        _closed = true;
        conditions = _leaseId is null || conditions?.LeaseId is not null ? conditions : (conditions ?? new BlobWriteConditions()) with { LeaseId = _leaseId };
        if (_blockIds.Count == 0 && _filled <= _client.Options.BlockUploadThreshold)
        {
            return await _client.PutBlobAsync(_blobName, _buffer.AsMemory(0, _filled), conditions, cancellationToken).ConfigureAwait(false);
        }

        await StageAsync(final: true, cancellationToken).ConfigureAwait(false);
        return await _client.CommitBlockListAsync(_blobName, _blockIds, _written, conditions, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            int n = Append(buffer);
            buffer = buffer[n..];
            if (_filled == _capacity)
            {
                // Synchronous writers (e.g. a codec writing row groups) block while the block uploads.
                StageAsync(final: false, _writeToken).GetAwaiter().GetResult();
            }
        }
    }

    /// <inheritdoc/>
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            int n = Append(buffer.Span);
            buffer = buffer[n..];
            if (_filled == _capacity)
            {
                await StageAsync(final: false, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>No-op: blocks are staged when full and committed by <see cref="CommitAsync"/>.</summary>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("A block blob write stream is write-only.");

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A block blob write stream is append-only.");

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException("A block blob write stream is append-only.");

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        _closed = true;
        base.Dispose(disposing);
    }

    private int Append(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (_filled == _buffer.Length)
        {
            // Grow geometrically so small objects never hold a full block-sized buffer.
            Array.Resize(ref _buffer, Math.Min(_capacity, Math.Max(64 * 1024, _buffer.Length * 2)));
        }

        int n = Math.Min(data.Length, _buffer.Length - _filled);
        data[..n].CopyTo(_buffer.AsSpan(_filled));
        _filled += n;
        _written += n;
        return n;
    }

    private async Task StageAsync(bool final, CancellationToken cancellationToken)
    {
        int blockSize = _client.Options.BlockSize;
        int offset = 0;
        while (_filled - offset >= blockSize || (final && _filled > offset))
        {
            int n = Math.Min(blockSize, _filled - offset);
            string id = BlobContainerClient.BlockId(_uploadId, _blockIds.Count);
            await _client.StageBlockAsync(_blobName, id, _buffer.AsMemory(offset, n), _leaseId, cancellationToken).ConfigureAwait(false);
            _blockIds.Add(id);
            offset += n;
        }

        Buffer.BlockCopy(_buffer, offset, _buffer, 0, _filled - offset);
        _filled -= offset;
    }
}
