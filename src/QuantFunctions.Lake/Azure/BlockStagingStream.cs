using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace QuantFunctions.Lake.Azure;

/// <summary>
/// The write-only stream <see cref="BlobLakeStore.WriteStreamAsync"/> hands to a producer. Content up to the
/// single-upload threshold is buffered and committed with one Put Blob; beyond it, blocks of <c>BlockSize</c> are
/// staged (Put Block) as data arrives and committed with one Put Block List. Nothing is visible before
/// <see cref="CommitAsync"/>: staged blocks stay uncommitted (the service discards them at the blob's next commit or
/// after 7 days). Disposing ends writing but commits nothing; flushing stages nothing (a Parquet writer may flush often).
/// </summary>
internal sealed class BlockStagingStream : Stream
{
    private readonly BlockBlobClient _blob;
    private readonly BlobLakeStoreOptions _options;
    private readonly CancellationToken _syncToken;
    private readonly string _uploadId = RandomNumberGenerator.GetHexString(16, lowercase: true);
    private readonly List<byte[]> _held = [];
    private readonly List<string> _blockIds = [];
    private byte[] _current;
    private int _filled;
    private long _length;
    private bool _staging;
    private bool _closed;

    public BlockStagingStream(BlockBlobClient blob, BlobLakeStoreOptions options, CancellationToken syncToken)
    {
        _blob = blob;
        _options = options;
        _syncToken = syncToken;
        _current = new byte[options.BlockSize];
    }

    /// <summary>Blocks staged so far (for tests).</summary>
    public int StagedBlocks => _blockIds.Count;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_closed;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException("The blob staging stream is append-only.");
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            int n = Append(buffer);
            buffer = buffer[n..];
            if (_filled == _current.Length)
            {
                BlockFilled(async: false, _syncToken).GetAwaiter().GetResult();
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            int n = Append(buffer.Span);
            buffer = buffer[n..];
            if (_filled == _current.Length)
            {
                await BlockFilled(async: true, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The blob staging stream is write-only.");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("The blob staging stream is append-only.");

    public override void SetLength(long value) => throw new NotSupportedException("The blob staging stream is append-only.");

    /// <summary>Makes the blob appear: one Put Blob for small content, else the last block and the block list (with the conditions).</summary>
    /// <exception cref="RequestFailedException">A condition failed (409/412) or the service refused the write.</exception>
    public async Task<BlobContentInfo> CommitAsync(BlobRequestConditions? conditions, CancellationToken cancellationToken)
    {
        _closed = true;
        if (!_staging && _length <= _options.SingleUploadThreshold)
        {
            byte[] whole = new byte[_length];
            int at = 0;
            foreach (byte[] block in _held)
            {
                block.CopyTo(whole, at);
                at += block.Length;
            }

            _current.AsSpan(0, _filled).CopyTo(whole.AsSpan(at));
            using var content = new MemoryStream(whole, writable: false);
            return (await _blob.UploadAsync(content, new BlobUploadOptions { Conditions = conditions }, cancellationToken).ConfigureAwait(false)).Value;
        }

        await StageHeldAsync(async: true, cancellationToken).ConfigureAwait(false);
        if (_filled > 0)
        {
            await StageAsync(_current, _filled, async: true, cancellationToken).ConfigureAwait(false);
            _filled = 0;
        }

        var options = new CommitBlockListOptions { Conditions = conditions };
        return (await _blob.CommitBlockListAsync(_blockIds, options, cancellationToken).ConfigureAwait(false)).Value;
    }

    protected override void Dispose(bool disposing)
    {
        // Ends writing; commits nothing (the store commits once the producer has returned without error).
        _closed = true;
        base.Dispose(disposing);
    }

    private int Append(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        int n = Math.Min(data.Length, _current.Length - _filled);
        data[..n].CopyTo(_current.AsSpan(_filled));
        _filled += n;
        _length += n;
        return n;
    }

    /// <summary>A full block: staged at once when staging has begun; else held until the content outgrows the single-upload threshold.</summary>
    private async Task BlockFilled(bool async, CancellationToken cancellationToken)
    {
        if (_staging)
        {
            await StageAsync(_current, _filled, async, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _held.Add(_current);
            _current = new byte[_options.BlockSize];
            if (_length > _options.SingleUploadThreshold)
            {
                _staging = true;
                await StageHeldAsync(async, cancellationToken).ConfigureAwait(false);
            }
        }

        _filled = 0;
    }

    private async Task StageHeldAsync(bool async, CancellationToken cancellationToken)
    {
        _staging = true;
        foreach (byte[] block in _held)
        {
            await StageAsync(block, block.Length, async, cancellationToken).ConfigureAwait(false);
        }

        _held.Clear();
    }

    private async Task StageAsync(byte[] block, int count, bool async, CancellationToken cancellationToken)
    {
        // Ids of one upload all have the same length, as the service requires: upload id + 6-digit index.
        string id = Convert.ToBase64String(Encoding.ASCII.GetBytes(
            _uploadId + "-" + _blockIds.Count.ToString("D6", CultureInfo.InvariantCulture)));
        using var content = new MemoryStream(block, 0, count, writable: false);
        if (async)
        {
            await _blob.StageBlockAsync(id, content, options: null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _blob.StageBlock(id, content, options: null, cancellationToken);
        }

        _blockIds.Add(id);
    }
}
