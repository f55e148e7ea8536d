using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Azure;

/// <summary>
/// A read-only, seekable view of one version of a blob larger than one read chunk, fetched in ranges with
/// <c>If-Match</c> on the ETag seen at open, so a concurrent overwrite surfaces as an <see cref="IOException"/>
/// instead of mixed content. Seeking is free; only reads fetch (one chunk at a time, the last one cached).
/// </summary>
internal sealed class BlobRangeReadStream : Stream
{
    private readonly BlobClient _blob;
    private readonly LakePath _path;
    private readonly string _resource;
    private readonly ETag _etag;
    private readonly long _length;
    private readonly int _chunkSize;
    private readonly CancellationToken _syncToken;
    private ReadOnlyMemory<byte> _chunk;
    private long _chunkStart;
    private long _position;

    /// <summary>Creates the stream with the first chunk (from offset 0) already read.</summary>
    public BlobRangeReadStream(BlobClient blob, LakePath path, string resource, ETag etag, long length, ReadOnlyMemory<byte> firstChunk, int chunkSize, CancellationToken syncToken)
    {
        _blob = blob;
        _path = path;
        _resource = resource;
        _etag = etag;
        _length = length;
        _chunk = firstChunk;
        _chunkSize = chunkSize;
        _syncToken = syncToken;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "Position must be non-negative.");
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!IsCached())
        {
            LoadChunkAsync(async: false, _syncToken).GetAwaiter().GetResult();
        }

        return CopyFromChunk(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!IsCached())
        {
            await LoadChunkAsync(async: true, cancellationToken).ConfigureAwait(false);
        }

        return CopyFromChunk(buffer.Span);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("Blob read streams are read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Blob read streams are read-only.");

    /// <summary>True when the position is served by the cached chunk or lies at/after the end.</summary>
    private bool IsCached() => _position >= _length || (_position >= _chunkStart && _position < _chunkStart + _chunk.Length);

    private int CopyFromChunk(Span<byte> buffer)
    {
        if (_position >= _length || buffer.IsEmpty)
        {
            return 0;
        }

        ReadOnlySpan<byte> available = _chunk.Span[(int)(_position - _chunkStart)..];
        int n = Math.Min(available.Length, buffer.Length);
        available[..n].CopyTo(buffer);
        _position += n;
        return n;
    }

    private async Task LoadChunkAsync(bool async, CancellationToken cancellationToken)
    {
        var options = new BlobDownloadOptions
        {
            Range = new HttpRange(_position, Math.Min(_chunkSize, _length - _position)),
            Conditions = new BlobRequestConditions { IfMatch = _etag },
        };
        try
        {
            BlobDownloadResult result = async
                ? await _blob.DownloadContentAsync(options, cancellationToken).ConfigureAwait(false)
                : _blob.DownloadContent(options, cancellationToken);
            _chunk = result.Content.ToMemory();
            _chunkStart = _position;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            throw new IOException($"Blob '{_resource}' changed while being read (ETag {_etag.ToString("H")}).");
        }
        catch (RequestFailedException ex) when (BlobErrors.IsBlobMissing(ex))
        {
            throw new IOException($"Blob '{_resource}' was deleted while being read.");
        }
        catch (Exception ex) when (BlobErrors.IsStorageFailure(ex))
        {
            throw BlobErrors.Map(ex, "Download", _resource, _path);
        }
    }
}
