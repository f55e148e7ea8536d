using QuantFunctions.Lake.Paths;

namespace QuantFunctions.Lake.Storage;

/// <summary>
/// A view of a store that reads everything but writes and deletes only below a set of allowed roots.
/// Model pipelines get <see cref="ForModelPipelines"/>: they may write <c>gold/</c>, <c>models/</c> and
/// <c>_meta/</c>, never raw, bronze or silver data.
/// </summary>
public sealed class WriteRestrictedLakeStore : ILakeStore
{
    private readonly ILakeStore _inner;
    private readonly LakePath[] _allowedRoots;

    /// <summary>Wraps <paramref name="inner"/>, allowing writes only at or below <paramref name="allowedRoots"/>.</summary>
    /// <exception cref="ArgumentException">No root is given, or the lake root itself is given (that would allow everything).</exception>
    public WriteRestrictedLakeStore(ILakeStore inner, IReadOnlyList<LakePath> allowedRoots)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(allowedRoots);
        if (allowedRoots.Count == 0)
        {
            throw new ArgumentException("Give at least one allowed root.", nameof(allowedRoots));
        }

        foreach (LakePath root in allowedRoots)
        {
            if (root.IsRoot)
            {
                throw new ArgumentException("The lake root cannot be an allowed root of a restricted view.", nameof(allowedRoots));
            }
        }

        _inner = inner;
        _allowedRoots = [.. allowedRoots];
    }

    /// <summary>The roots below which writes are allowed.</summary>
    public IReadOnlyList<LakePath> AllowedRoots => _allowedRoots;

    /// <summary>The view for model pipelines: writes only below <c>gold/</c>, <c>models/</c> and <c>_meta/</c>.</summary>
    public static WriteRestrictedLakeStore ForModelPipelines(ILakeStore inner) =>
        new(inner, [LakePathResolver.GoldRoot, LakePathResolver.ModelsRoot, LakePathResolver.MetaRoot]);

    /// <inheritdoc/>
    public Task<LakeObject?> TryReadAsync(LakePath path, CancellationToken cancellationToken = default) => _inner.TryReadAsync(path, cancellationToken);

    /// <inheritdoc/>
    public Task<Stream> OpenReadAsync(LakePath path, CancellationToken cancellationToken = default) => _inner.OpenReadAsync(path, cancellationToken);

    /// <inheritdoc/>
    public Task<LakeObjectInfo?> GetInfoAsync(LakePath path, CancellationToken cancellationToken = default) => _inner.GetInfoAsync(path, cancellationToken);

    /// <inheritdoc/>
    /// <exception cref="LakeAccessDeniedException">The path is outside the allowed roots.</exception>
    public Task<LakeObjectInfo> WriteAsync(LakePath path, ReadOnlyMemory<byte> content, LakeWriteMode mode, CancellationToken cancellationToken = default)
    {
        EnsureAllowed(path, "write");
        return _inner.WriteAsync(path, content, mode, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="LakeAccessDeniedException">The path is outside the allowed roots.</exception>
    public Task<LakeObjectInfo> WriteStreamAsync(LakePath path, Func<Stream, CancellationToken, Task> produce, LakeWriteMode mode, CancellationToken cancellationToken = default)
    {
        EnsureAllowed(path, "write");
        return _inner.WriteStreamAsync(path, produce, mode, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="LakeAccessDeniedException">The path is outside the allowed roots.</exception>
    public Task<LakeObjectInfo> WriteIfMatchAsync(LakePath path, ReadOnlyMemory<byte> content, string expectedETag, CancellationToken cancellationToken = default)
    {
        EnsureAllowed(path, "write");
        return _inner.WriteIfMatchAsync(path, content, expectedETag, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="LakeAccessDeniedException">The path is outside the allowed roots.</exception>
    public Task<LakeObjectInfo> AppendAsync(LakePath path, ReadOnlyMemory<byte> content, long expectedLength, string? expectedETag = null, CancellationToken cancellationToken = default)
    {
        EnsureAllowed(path, "append to");
        return _inner.AppendAsync(path, content, expectedLength, expectedETag, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<LakeObject?> TryReadFromAsync(LakePath path, long offset, CancellationToken cancellationToken = default) => _inner.TryReadFromAsync(path, offset, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<LakeObjectInfo> ListAsync(LakePath prefix, CancellationToken cancellationToken = default) => _inner.ListAsync(prefix, cancellationToken);

    /// <inheritdoc/>
    /// <exception cref="LakeAccessDeniedException">The path is outside the allowed roots.</exception>
    public Task<bool> DeleteAsync(LakePath path, CancellationToken cancellationToken = default)
    {
        EnsureAllowed(path, "delete");
        return _inner.DeleteAsync(path, cancellationToken);
    }

    private void EnsureAllowed(LakePath path, string operation)
    {
        foreach (LakePath root in _allowedRoots)
        {
            if (path.IsUnder(root) && path != root)
            {
                return;
            }
        }

        throw new LakeAccessDeniedException(
            $"Access denied: cannot {operation} '{path}'; this store view allows writes only below {string.Join(", ", Array.ConvertAll(_allowedRoots, r => r.Value + "/"))}.",
            path);
    }
}
