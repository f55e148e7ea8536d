using System.Net;
using System.Runtime.CompilerServices;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Azure;

/// <summary>
/// The lake in a Blob Storage container (optionally under a name prefix), with the file-system store's
/// semantics: atomic writes (one Put Blob or one committed block list), create-only via <c>If-None-Match: *</c>,
/// replace-if-unchanged via <c>If-Match</c>, ordinal listings.
/// </summary>
/// <remarks>
/// Failed conditions (409/412, or 404 for If-Match) become <see cref="LakeConflictException"/>; other service
/// failures propagate as <see cref="AzureStorageException"/> (after the client's retries). The container must
/// exist (<see cref="BlobContainerClient.CreateIfNotExistsAsync"/>).
/// </remarks>
public sealed class BlobLakeStore : ILakeStore
{
    private readonly BlobContainerClient _container;
    private readonly string _prefix;

    /// <summary>Creates the store over <paramref name="container"/>, with object names under <paramref name="rootPrefix"/>.</summary>
    /// <param name="container">The container client (its options set block sizes and read thresholds).</param>
    /// <param name="rootPrefix">A lake path under which the lake lives inside the container (null or empty: the container root).</param>
    public BlobLakeStore(BlobContainerClient container, string? rootPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
        LakePath root = LakePath.Parse(rootPrefix ?? string.Empty);
        _prefix = root.IsRoot ? string.Empty : root.Value + "/";
    }

    /// <inheritdoc/>
    public async Task<LakeObject?> TryReadAsync(LakePath path, CancellationToken cancellationToken = default)
    {
        BlobContent? content = await _container.DownloadAsync(BlobName(path), cancellationToken: cancellationToken).ConfigureAwait(false);
        return content is null ? null : new LakeObject(Info(path, content.Properties), content.Content);
    }

    /// <inheritdoc/>
    /// <remarks>Blobs up to <see cref="AzureStorageOptions.WholeReadThreshold"/> are downloaded whole into memory; larger ones are read by ranges pinned to the ETag seen at open.</remarks>
    public async Task<Stream> OpenReadAsync(LakePath path, CancellationToken cancellationToken = default)
    {
        string name = BlobName(path);
        BlobProperties properties = await _container.GetPropertiesAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new LakeObjectNotFoundException(path);
        if (properties.Size > _container.Options.WholeReadThreshold)
        {
            return new BlobRangeReadStream(_container, properties, cancellationToken);
        }

        BlobContent content = await _container.DownloadAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false)
            ?? throw new LakeObjectNotFoundException(path);
        return new MemoryStream(content.Content.ToArray(), writable: false);
    }

    /// <inheritdoc/>
    public async Task<LakeObjectInfo?> GetInfoAsync(LakePath path, CancellationToken cancellationToken = default)
    {
        BlobProperties? properties = await _container.GetPropertiesAsync(BlobName(path), cancellationToken).ConfigureAwait(false);
        return properties is null ? null : Info(path, properties);
    }

    /// <inheritdoc/>
    public async Task<LakeObjectInfo> WriteAsync(LakePath path, ReadOnlyMemory<byte> content, LakeWriteMode mode, CancellationToken cancellationToken = default)
    {
        try
        {
            BlobProperties written = await _container.UploadAsync(BlobName(path), content, Conditions(mode), cancellationToken).ConfigureAwait(false);
            return Info(path, written);
        }
        catch (AzureStorageException ex) when (IsConflict(ex, null))
        {
            throw Conflict(path, mode, ex);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Blocks are staged while <paramref name="produce"/> writes (one every <see cref="AzureStorageOptions.BlockSize"/>
    /// bytes); the block list is committed only after it returns. A create-only write checks for an existing object
    /// before producing (to fail early) and again atomically at commit.
    /// </remarks>
    public async Task<LakeObjectInfo> WriteStreamAsync(LakePath path, Func<Stream, CancellationToken, Task> produce, LakeWriteMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(produce);
        string name = BlobName(path);
        if (mode == LakeWriteMode.CreateOnly && await _container.GetPropertiesAsync(name, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw LakeStoreGuards.Exists(path);
        }

        BlockBlobWriteStream stream = _container.OpenBlockWrite(name, cancellationToken: cancellationToken);
        await using (stream.ConfigureAwait(false))
        {
            await produce(stream, cancellationToken).ConfigureAwait(false);
            try
            {
                return Info(path, await stream.CommitAsync(Conditions(mode), cancellationToken).ConfigureAwait(false));
            }
            catch (AzureStorageException ex) when (IsConflict(ex, null))
            {
                throw Conflict(path, mode, ex);
            }
        }
    }

    /// <inheritdoc/>
    public async Task<LakeObjectInfo> WriteIfMatchAsync(LakePath path, ReadOnlyMemory<byte> content, string expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(expectedETag);
        try
        {
            BlobProperties written = await _container.UploadAsync(BlobName(path), content, BlobWriteConditions.IfMatches(expectedETag), cancellationToken).ConfigureAwait(false);
            return Info(path, written);
        }
        catch (AzureStorageException ex) when (IsConflict(ex, HttpStatusCode.NotFound))
        {
            throw new LakeConflictException($"Lake object {path} no longer has ETag {expectedETag} (changed or deleted): {ex.Message}", path);
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<LakeObjectInfo> ListAsync(LakePath prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string blobPrefix = _prefix + prefix.Value;
        await foreach (BlobProperties blob in _container.ListBlobsAsync(blobPrefix, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            LakePath path = ToLakePath(blob.Name);
            if (path.IsUnder(prefix))
            {
                yield return Info(path, blob);
            }
        }
    }

    /// <inheritdoc/>
    public Task<bool> DeleteAsync(LakePath path, CancellationToken cancellationToken = default) =>
        _container.DeleteAsync(BlobName(path), cancellationToken: cancellationToken);

    private static LakeObjectInfo Info(LakePath path, BlobProperties blob) => new(path, blob.Size, blob.ETag);

    private static BlobWriteConditions? Conditions(LakeWriteMode mode) => mode switch
    {
        LakeWriteMode.Overwrite => null,
        LakeWriteMode.CreateOnly => BlobWriteConditions.CreateOnly,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown lake write mode."),
    };

    private static bool IsConflict(AzureStorageException ex, HttpStatusCode? alsoConflict) =>
        ex.Status is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed || (alsoConflict is not null && ex.Status == alsoConflict);

    private static LakeConflictException Conflict(LakePath path, LakeWriteMode mode, AzureStorageException ex) =>
        mode == LakeWriteMode.CreateOnly
            ? LakeStoreGuards.Exists(path)
            : new($"Lake write of {path} refused by a condition or lease: {ex.Message}", path);

    private string BlobName(LakePath path)
    {
        LakeStoreGuards.EnsureObjectPath(path);
        return _prefix + path.Value;
    }

    private LakePath ToLakePath(string blobName)
    {
        try
        {
            return LakePath.Parse(blobName[_prefix.Length..]);
        }
        catch (ArgumentException ex)
        {
            throw new LakeException($"Blob '{_container.Name}/{blobName}' is not a valid lake path: {ex.Message}", ex);
        }
    }
}
