using System.Net;

namespace QuantFunctions.Lake.Azure;

/// <summary>
/// A read-only, seekable view of one version of a large blob, fetched in ranges of
/// <see cref="AzureStorageOptions.ReadChunkSize"/> bytes with <c>If-Match</c> on the ETag seen at open, so a
/// concurrent overwrite surfaces as an <see cref="IOException"/> instead of mixed content.
/// </summary>
internal sealed class BlobRangeReadStream : Stream
{
    private readonly BlobContainerClient _client;
    private readonly BlobProperties _blob;
    private readonly CancellationToken _readToken;
    private ReadOnlyMemory<byte> _chunk;
    private long _chunkStart = -1;
    private long _position;

    public BlobRangeReadStream(BlobContainerClient client, BlobProperties blob, CancellationToken readToken)
    {
        _client = client;
        _blob = blob;
        _readToken = readToken;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _blob.Size;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "Position must be non-negative.");
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!EnsureChunkCached())
        {
            LoadChunkAsync(_readToken).GetAwaiter().GetResult();
        }

        return CopyFromChunk(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!EnsureChunkCached())
        {
            await LoadChunkAsync(cancellationToken).ConfigureAwait(false);
        }

        return CopyFromChunk(buffer.Span);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _blob.Size + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("Blob read streams are read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Blob read streams are read-only.");

    /// <summary>True when the current position is served by the cached chunk or lies at/after the end.</summary>
    private bool EnsureChunkCached() =>
        _position >= _blob.Size || (_chunkStart >= 0 && _position >= _chunkStart && _position < _chunkStart + _chunk.Length);

    private int CopyFromChunk(Span<byte> buffer)
    {
        if (_position >= _blob.Size || buffer.IsEmpty)
        {
            return 0;
        }

        ReadOnlySpan<byte> available = _chunk.Span[(int)(_position - _chunkStart)..];
        int n = Math.Min(available.Length, buffer.Length);
        available[..n].CopyTo(buffer);
        _position += n;
        return n;
    }

    private async Task LoadChunkAsync(CancellationToken cancellationToken)
    {
        long length = Math.Min(_client.Options.ReadChunkSize, _blob.Size - _position);
        BlobContent? content;
        try
        {
            content = await _client.DownloadAsync(_blob.Name, _position, length, _blob.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (AzureStorageException ex) when (ex.Status == HttpStatusCode.PreconditionFailed)
        {
            throw new IOException($"Blob '{_client.Resource(_blob.Name)}' changed while being read (ETag {_blob.ETag}).", ex);
        }

        _chunk = content?.Content ?? throw new IOException($"Blob '{_client.Resource(_blob.Name)}' was deleted while being read.");
        _chunkStart = _position;
    }
}
