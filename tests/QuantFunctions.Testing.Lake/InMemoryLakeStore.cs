using System.Globalization;
using System.Runtime.CompilerServices;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Testing.Lake;

/// <summary>
/// An <see cref="ILakeStore"/> held in memory, with the same semantics as the file-system and blob stores:
/// atomic writes, create-only and If-Match conditional writes, an ETag that changes on every write, and
/// listings ordered by path (ordinal). For tests and fast, throw-away runs; thread-safe.
/// </summary>
public sealed class InMemoryLakeStore : ILakeStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, Entry> _objects = new(StringComparer.Ordinal);
    private long _version;

    /// <inheritdoc/>
    public Task<LakeObject?> TryReadAsync(LakePath path, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_objects.TryGetValue(path.Value, out Entry? e) ? new LakeObject(e.Info, e.Content) : null);
        }
    }

    /// <inheritdoc/>
    public Task<Stream> OpenReadAsync(LakePath path, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return _objects.TryGetValue(path.Value, out Entry? e)
                ? Task.FromResult<Stream>(new MemoryStream(e.Content, writable: false))
                : throw new LakeObjectNotFoundException(path);
        }
    }

    /// <inheritdoc/>
    public Task<LakeObjectInfo?> GetInfoAsync(LakePath path, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_objects.TryGetValue(path.Value, out Entry? e) ? e.Info : null);
        }
    }

    /// <inheritdoc/>
    public Task<LakeObjectInfo> WriteAsync(LakePath path, ReadOnlyMemory<byte> content, LakeWriteMode mode, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Commit(path, content.ToArray(), mode, expectedETag: null));
    }

    /// <inheritdoc/>
    public async Task<LakeObjectInfo> WriteStreamAsync(LakePath path, Func<Stream, CancellationToken, Task> produce, LakeWriteMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(produce);
        LakeStoreGuards.EnsureObjectPath(path);
        using var buffer = new MemoryStream();
        await produce(new NonClosingStream(buffer), cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Commit(path, buffer.ToArray(), mode, expectedETag: null);
    }

    /// <inheritdoc/>
    public Task<LakeObjectInfo> WriteIfMatchAsync(LakePath path, ReadOnlyMemory<byte> content, string expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expectedETag);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Commit(path, content.ToArray(), LakeWriteMode.Overwrite, expectedETag));
    }

    /// <inheritdoc/>
    public Task<LakeObjectInfo> AppendAsync(LakePath path, ReadOnlyMemory<byte> content, long expectedLength, string? expectedETag = null, CancellationToken cancellationToken = default)
    {
        LakeStoreGuards.EnsureAppend(path, expectedLength);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            byte[] current = _objects.TryGetValue(path.Value, out Entry? e) ? e.Content : [];
            if (!LakeStoreGuards.MeetsAppend(e?.Info, expectedLength, expectedETag))
            {
                return current.Length >= expectedLength && LakeStoreGuards.HoldsAppend(current.AsSpan((int)expectedLength), content.Span)
                    ? Task.FromResult(e!.Info)
                    : throw LakeStoreGuards.AppendConflict(path, e?.Info, expectedLength, expectedETag);
            }

            return Task.FromResult(Store(path, [.. current, .. content.Span]));
        }
    }

    /// <inheritdoc/>
    public Task<LakeObject?> TryReadFromAsync(LakePath path, long offset, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_objects.TryGetValue(path.Value, out Entry? e)
                ? new LakeObject(e.Info, e.Content.AsMemory((int)Math.Min(offset, e.Content.Length)))
                : null);
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<LakeObjectInfo> ListAsync(LakePath prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<LakeObjectInfo> snapshot = [];
        lock (_gate)
        {
            foreach (Entry e in _objects.Values)
            {
                if (e.Info.Path.IsUnder(prefix))
                {
                    snapshot.Add(e.Info);
                }
            }
        }

        foreach (LakeObjectInfo info in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return info;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<bool> DeleteAsync(LakePath path, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_objects.Remove(path.Value));
        }
    }

    private LakeObjectInfo Commit(LakePath path, byte[] content, LakeWriteMode mode, string? expectedETag)
    {
        LakeStoreGuards.EnsureObjectPath(path);
        lock (_gate)
        {
            bool exists = _objects.TryGetValue(path.Value, out Entry? current);
            if (mode == LakeWriteMode.CreateOnly && exists)
            {
                throw LakeStoreGuards.Exists(path);
            }

            if (expectedETag is not null && (!exists || !string.Equals(current!.Info.ETag, expectedETag, StringComparison.Ordinal)))
            {
                throw LakeStoreGuards.ETagMismatch(path, expectedETag, current?.Info.ETag);
            }

            return Store(path, content);
        }
    }

    /// <summary>Stores <paramref name="content"/> under a new ETag; the caller holds the lock.</summary>
    private LakeObjectInfo Store(LakePath path, byte[] content)
    {
        string etag = "\"m" + (++_version).ToString(CultureInfo.InvariantCulture) + "\"";
        var info = new LakeObjectInfo(path, content.Length, etag);
        _objects[path.Value] = new Entry(info, content);
        return info;
    }

    private sealed record Entry(LakeObjectInfo Info, byte[] Content);
}
