using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Azure;

/// <summary>
/// The lake in a Blob Storage container (optionally under a name prefix) through the Azure SDK, with the file-system
/// store's semantics: atomic writes (one Put Blob or one committed block list), create-only via
/// <c>If-None-Match: *</c>, replace-if-unchanged via <c>If-Match</c>, listings ordered by path.
/// </summary>
/// <remarks>
/// <para>Errors: a failed condition (409/412; for If-Match also 404) is a <see cref="LakeConflictException"/>; a missing
/// blob is null/false/<see cref="LakeObjectNotFoundException"/> as <see cref="ILakeStore"/> says; 403 is a
/// <see cref="LakeAccessDeniedException"/>; anything else (storage unreachable after the SDK's retries, a missing
/// container, 5xx) is a <see cref="BlobLakeException"/>. Every message names the operation and the container/blob.</para>
/// <para>Retries and timeouts are the client's (<c>BlobClientOptions.Retry</c>). A conditional write or append whose answer
/// was lost is retried by the client and meets its own condition; it then recognises its own write — the write id it
/// stored in the blob's <c>qfwriteid</c> metadata, or its own bytes at the append position — and succeeds instead of
/// reporting a conflict.
/// The container must exist (<see cref="OpenAsync"/> creates it).</para>
/// </remarks>
public sealed partial class BlobLakeStore : ILakeStore
{
    private readonly BlobContainerClient _container;
    private readonly BlobLakeStoreOptions _options;
    private readonly string _prefix;

    /// <summary>Creates the store over <paramref name="container"/>, with object names under <paramref name="rootPrefix"/>.</summary>
    /// <param name="container">The container client (its options set retries and the transport).</param>
    /// <param name="rootPrefix">A lake path under which the lake lives inside the container (null or empty: the container root), e.g. one per tenant.</param>
    /// <param name="options">Upload and read sizes; null: the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public BlobLakeStore(BlobContainerClient container, string? rootPrefix = null, BlobLakeStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
        _options = (options ?? new BlobLakeStoreOptions()).Validate();
        LakePath root = LakePath.Parse(rootPrefix ?? string.Empty);
        _prefix = root.IsRoot ? string.Empty : root.Value + "/";
    }

    /// <summary>The container the lake lives in.</summary>
    public BlobContainerClient Container => _container;

    /// <summary>Opens the lake in <paramref name="container"/>, creating the container when it does not exist.</summary>
    /// <param name="container">The container client.</param>
    /// <param name="rootPrefix">Optional name prefix of the lake inside the container.</param>
    /// <param name="options">Upload and read sizes; null: the defaults.</param>
    /// <param name="cancellationToken">Cancels the check and the creation.</param>
    /// <exception cref="LakeAccessDeniedException">The credentials may not read or create the container (403).</exception>
    /// <exception cref="BlobLakeException">Storage unreachable, an invalid container name, or another failure.</exception>
    public static async Task<BlobLakeStore> OpenAsync(
        BlobContainerClient container, string? rootPrefix = null, BlobLakeStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        var store = new BlobLakeStore(container, rootPrefix, options);
        try
        {
            // Exists first: an identity with only data access to an existing container may not be allowed to create one.
            if (!await container.ExistsAsync(cancellationToken).ConfigureAwait(false))
            {
                await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (BlobErrors.IsStorageFailure(ex))
        {
            throw BlobErrors.Map(ex, "CreateContainer", container.Name, LakePath.Root);
        }

        return store;
    }

    /// <inheritdoc/>
    public async Task<LakeObject?> TryReadAsync(LakePath path, CancellationToken cancellationToken = default)
    {
        BlobClient blob = Blob(path);
        try
        {
            BlobDownloadResult result = (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
            ReadOnlyMemory<byte> content = result.Content.ToMemory();
            return new LakeObject(new LakeObjectInfo(path, content.Length, Tag(result.Details.ETag)), content);
        }
        catch (RequestFailedException ex) when (BlobErrors.IsBlobMissing(ex))
        {
            return null;
        }
        catch (Exception ex) when (BlobErrors.IsStorageFailure(ex))
        {
            throw BlobErrors.Map(ex, "Download", Resource(path), path);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// One ranged GET of <see cref="BlobLakeStoreOptions.ReadChunkSize"/> bytes: an object that fits is returned as a
    /// memory stream; a larger one as a seekable stream that reads further chunks on demand, pinned to the ETag seen
    /// at open (a concurrent overwrite → <see cref="IOException"/> "changed while being read").
    /// </remarks>
    public async Task<Stream> OpenReadAsync(LakePath path, CancellationToken cancellationToken = default)
    {
        BlobClient blob = Blob(path);
        var first = new BlobDownloadOptions { Range = new HttpRange(0, _options.ReadChunkSize) };
        try
        {
            BlobDownloadResult result = (await blob.DownloadContentAsync(first, cancellationToken).ConfigureAwait(false)).Value;
            ReadOnlyMemory<byte> head = result.Content.ToMemory();
            long length = TotalLength(result.Details, head.Length);
            return head.Length >= length
                ? new MemoryStream(head.ToArray(), writable: false)
                : new BlobRangeReadStream(blob, path, Resource(path), result.Details.ETag, length, head, _options.ReadChunkSize, cancellationToken);
        }
        catch (RequestFailedException ex) when (BlobErrors.IsBlobMissing(ex))
        {
            throw new LakeObjectNotFoundException(path);
        }
        catch (RequestFailedException ex) when (ex.Status == 416)
        {
            // A range on an empty blob is unsatisfiable: read it whole (it is empty, or was just replaced).
            LakeObject whole = await TryReadAsync(path, cancellationToken).ConfigureAwait(false) ?? throw new LakeObjectNotFoundException(path);
            return new MemoryStream(whole.Content.ToArray(), writable: false);
        }
        catch (Exception ex) when (BlobErrors.IsStorageFailure(ex))
        {
            throw BlobErrors.Map(ex, "Download", Resource(path), path);
        }
    }

    /// <inheritdoc/>
    public async Task<LakeObjectInfo?> GetInfoAsync(LakePath path, CancellationToken cancellationToken = default)
    {
        BlobClient blob = Blob(path);
        try
        {
            BlobProperties properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            return new LakeObjectInfo(path, properties.ContentLength, Tag(properties.ETag));
        }
        catch (RequestFailedException ex) when (BlobErrors.IsBlobMissing(ex))
        {
            return null;
        }
        catch (Exception ex) when (BlobErrors.IsStorageFailure(ex))
        {
            throw BlobErrors.Map(ex, "GetProperties", Resource(path), path);
        }
    }

    /// <inheritdoc/>
    /// <remarks>One Put Blob up to <see cref="BlobLakeStoreOptions.SingleUploadThreshold"/>; else blocks staged in parallel and one Put Block List carrying the condition.</remarks>
    public Task<LakeObjectInfo> WriteAsync(LakePath path, ReadOnlyMemory<byte> content, LakeWriteMode mode, CancellationToken cancellationToken = default) =>
        UploadAsync(path, content, Conditions(mode), expectedETag: null, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>
    /// A create-only write checks for an existing object first (to fail before producing), and again atomically at
    /// the commit. While <paramref name="produce"/> writes, content beyond the single-upload threshold is staged as
    /// uncommitted blocks; the blob appears only at the commit after it returns. The producer may dispose the stream.
    /// </remarks>
    public async Task<LakeObjectInfo> WriteStreamAsync(LakePath path, Func<Stream, CancellationToken, Task> produce, LakeWriteMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(produce);
        BlockBlobClient blob = _container.GetBlockBlobClient(Name(path));
        BlobRequestConditions? conditions = Conditions(mode);
        if (mode == LakeWriteMode.CreateOnly && await GetInfoAsync(path, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw LakeStoreGuards.Exists(path);
        }

        var stream = new BlockStagingStream(blob, _options, cancellationToken);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                await produce(stream, cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                BlobContentInfo written = await stream.CommitAsync(conditions, cancellationToken).ConfigureAwait(false);
                return new LakeObjectInfo(path, stream.Length, Tag(written.ETag));
            }
            catch (RequestFailedException ex) when (BlobErrors.IsConflict(ex))
            {
                throw Conflict(path, mode, ex);
            }
            catch (Exception ex) when (BlobErrors.IsStorageFailure(ex))
            {
                throw BlobErrors.Map(ex, "Upload", Resource(path), path);
            }
        }
    }

    /// <inheritdoc/>
    public Task<LakeObjectInfo> WriteIfMatchAsync(LakePath path, ReadOnlyMemory<byte> content, string expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(expectedETag);
        return UploadAsync(path, content, new BlobRequestConditions { IfMatch = new ETag(expectedETag) }, expectedETag, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>List Blobs by name prefix, filtered to folder semantics (<c>a</c> does not match <c>a_x/…</c>), in the service's order: by UTF-8 bytes, which is ordinal for the ASCII names lake paths use.</remarks>
    public async IAsyncEnumerable<LakeObjectInfo> ListAsync(LakePath prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string blobPrefix = _prefix + prefix.Value;
        IAsyncEnumerator<BlobItem> blobs = _container
            .GetBlobsAsync(new GetBlobsOptions { Prefix = blobPrefix.Length == 0 ? null : blobPrefix }, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        await using (blobs.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await blobs.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (Exception ex) when (BlobErrors.IsStorageFailure(ex))
                {
                    throw BlobErrors.Map(ex, "List", $"{_container.Name}/{blobPrefix}*", prefix);
                }

                BlobItem blob = blobs.Current;
                LakePath path = ToLakePath(blob.Name);
                if (path.IsUnder(prefix))
                {
                    yield return new LakeObjectInfo(path, blob.Properties.ContentLength ?? 0, Tag(blob.Properties.ETag ?? default));
                }
            }
        }
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(LakePath path, CancellationToken cancellationToken = default)
    {
        BlobClient blob = Blob(path);
        try
        {
            await blob.DeleteAsync(DeleteSnapshotsOption.IncludeSnapshots, conditions: null, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (BlobErrors.IsBlobMissing(ex))
        {
            return false;
        }
        catch (Exception ex) when (BlobErrors.IsStorageFailure(ex))
        {
            throw BlobErrors.Map(ex, "Delete", Resource(path), path);
        }
    }

    private async Task<LakeObjectInfo> UploadAsync(LakePath path, ReadOnlyMemory<byte> content, BlobRequestConditions? conditions, string? expectedETag, CancellationToken cancellationToken)
    {
        BlobClient blob = Blob(path);
        cancellationToken.ThrowIfCancellationRequested();
        string? writeId = conditions is null ? null : NewWriteId();
        var options = new BlobUploadOptions
        {
            Conditions = conditions,
            Metadata = writeId is null ? null : new Dictionary<string, string>(StringComparer.Ordinal) { [WriteIdKey] = writeId },
            TransferOptions = new StorageTransferOptions
            {
                InitialTransferSize = Math.Max(_options.SingleUploadThreshold, 1),
                MaximumTransferSize = _options.BlockSize,
                MaximumConcurrency = _options.UploadConcurrency,
            },
        };
        try
        {
            BlobContentInfo written = (await blob.UploadAsync(BinaryData.FromBytes(content), options, cancellationToken).ConfigureAwait(false)).Value;
            return new LakeObjectInfo(path, content.Length, Tag(written.ETag));
        }
        catch (RequestFailedException ex) when (writeId is not null && (BlobErrors.IsConflict(ex) || (expectedETag is not null && BlobErrors.IsBlobMissing(ex))))
        {
            // The condition failed: another writer won — or this write's answer was lost and the client's retry met it.
            LakeObjectInfo? own = await OwnWriteAsync(blob, path, writeId, cancellationToken).ConfigureAwait(false);
            return own ?? throw (expectedETag is not null
                ? new LakeConflictException($"Conditional write refused: '{path}' changed or was deleted (expected ETag {expectedETag}; {ex.Status} {ex.ErrorCode}).", path)
                : Conflict(path, LakeWriteMode.CreateOnly, ex));
        }
        catch (RequestFailedException ex) when (writeId is null && BlobErrors.IsConflict(ex))
        {
            throw Conflict(path, LakeWriteMode.Overwrite, ex);
        }
        catch (Exception ex) when (BlobErrors.IsStorageFailure(ex))
        {
            throw BlobErrors.Map(ex, "Upload", Resource(path), path);
        }
    }

    /// <summary>Quoted, as in the ETag header (listings return it bare), so every operation reports the same string.</summary>
    private static string Tag(ETag etag) => etag.ToString("H");

    /// <summary>The whole blob's length from a ranged download (<c>Content-Range: bytes 0-n/total</c>), or the content length of a whole one.</summary>
    private static long TotalLength(BlobDownloadDetails details, int received)
    {
        string? range = details.ContentRange;
        int slash = range?.LastIndexOf('/') ?? -1;
        return slash >= 0 && long.TryParse(range.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long total) ? total : received;
    }

    private static BlobRequestConditions? Conditions(LakeWriteMode mode) => mode switch
    {
        LakeWriteMode.Overwrite => null,
        LakeWriteMode.CreateOnly => new BlobRequestConditions { IfNoneMatch = ETag.All },
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown lake write mode."),
    };

    private static LakeConflictException Conflict(LakePath path, LakeWriteMode mode, RequestFailedException ex) =>
        mode == LakeWriteMode.CreateOnly
            ? LakeStoreGuards.Exists(path)
            : new($"Write of '{path}' refused by a condition or lease: {ex.Status} {ex.ErrorCode}.", path);

    private BlobClient Blob(LakePath path) => _container.GetBlobClient(Name(path));

    private string Name(LakePath path)
    {
        LakeStoreGuards.EnsureObjectPath(path);
        return _prefix + path.Value;
    }

    private string Resource(LakePath path) => $"{_container.Name}/{_prefix}{path.Value}";

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
