using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Tests.Storage;

/// <summary>A store decorator counting the bytes written (whole writes and appends) and read back (whole and ranged reads).</summary>
internal sealed class CountingLakeStore(ILakeStore inner) : ILakeStore
{
    private long _written;
    private long _read;

    public long BytesWritten => Interlocked.Read(ref _written);

    public long BytesRead => Interlocked.Read(ref _read);

    public async Task<LakeObject?> TryReadAsync(LakePath path, CancellationToken cancellationToken = default) =>
        Counted(await inner.TryReadAsync(path, cancellationToken));

    public Task<Stream> OpenReadAsync(LakePath path, CancellationToken cancellationToken = default) => inner.OpenReadAsync(path, cancellationToken);

    public Task<LakeObjectInfo?> GetInfoAsync(LakePath path, CancellationToken cancellationToken = default) => inner.GetInfoAsync(path, cancellationToken);

    public Task<LakeObjectInfo> WriteAsync(LakePath path, ReadOnlyMemory<byte> content, LakeWriteMode mode, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref _written, content.Length);
        return inner.WriteAsync(path, content, mode, cancellationToken);
    }

    public Task<LakeObjectInfo> WriteStreamAsync(LakePath path, Func<Stream, CancellationToken, Task> produce, LakeWriteMode mode, CancellationToken cancellationToken = default) =>
        inner.WriteStreamAsync(path, produce, mode, cancellationToken);

    public Task<LakeObjectInfo> WriteIfMatchAsync(LakePath path, ReadOnlyMemory<byte> content, string expectedETag, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref _written, content.Length);
        return inner.WriteIfMatchAsync(path, content, expectedETag, cancellationToken);
    }

    public Task<LakeObjectInfo> AppendAsync(LakePath path, ReadOnlyMemory<byte> content, long expectedLength, string? expectedETag = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref _written, content.Length);
        return inner.AppendAsync(path, content, expectedLength, expectedETag, cancellationToken);
    }

    public async Task<LakeObject?> TryReadFromAsync(LakePath path, long offset, CancellationToken cancellationToken = default) =>
        Counted(await inner.TryReadFromAsync(path, offset, cancellationToken));

    public IAsyncEnumerable<LakeObjectInfo> ListAsync(LakePath prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    public Task<bool> DeleteAsync(LakePath path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);

    private LakeObject? Counted(LakeObject? read)
    {
        Interlocked.Add(ref _read, read?.Content.Length ?? 0);
        return read;
    }
}
