namespace QuantFunctions.Lake.Storage;

/// <summary>
/// The lake's object store: a file system folder or a Blob Storage container. Every write is atomic:
/// an object appears whole or not at all, and readers never see a partial object.
/// </summary>
public interface ILakeStore
{
    /// <summary>Reads an object whole; null when it does not exist.</summary>
    Task<LakeObject?> TryReadAsync(LakePath path, CancellationToken cancellationToken = default);

    /// <summary>Opens an object for sequential or random reading (seekable where the store allows).</summary>
    /// <exception cref="LakeObjectNotFoundException">The object does not exist.</exception>
    Task<Stream> OpenReadAsync(LakePath path, CancellationToken cancellationToken = default);

    /// <summary>Size and ETag of an object; null when it does not exist.</summary>
    Task<LakeObjectInfo?> GetInfoAsync(LakePath path, CancellationToken cancellationToken = default);

    /// <summary>Writes an object atomically from bytes.</summary>
    /// <exception cref="LakeConflictException"><see cref="LakeWriteMode.CreateOnly"/> and the object exists.</exception>
    Task<LakeObjectInfo> WriteAsync(LakePath path, ReadOnlyMemory<byte> content, LakeWriteMode mode, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes an object atomically by streaming: <paramref name="produce"/> writes into a stream the
    /// store provides (a temporary file or staged blocks), and the object is committed only when it
    /// returns without error. Lets a Parquet writer hold one row group at a time.
    /// </summary>
    /// <exception cref="LakeConflictException"><see cref="LakeWriteMode.CreateOnly"/> and the object exists.</exception>
    Task<LakeObjectInfo> WriteStreamAsync(LakePath path, Func<Stream, CancellationToken, Task> produce, LakeWriteMode mode, CancellationToken cancellationToken = default);

    /// <summary>Replaces an object only if its ETag still equals <paramref name="expectedETag"/> (If-Match).</summary>
    /// <exception cref="LakeConflictException">The object changed or does not exist.</exception>
    Task<LakeObjectInfo> WriteIfMatchAsync(LakePath path, ReadOnlyMemory<byte> content, string expectedETag, CancellationToken cancellationToken = default);

    /// <summary>Lists objects (not folders) at or below <paramref name="prefix"/>, ordered by path (ordinal).</summary>
    IAsyncEnumerable<LakeObjectInfo> ListAsync(LakePath prefix, CancellationToken cancellationToken = default);

    /// <summary>Deletes an object; false when it did not exist.</summary>
    Task<bool> DeleteAsync(LakePath path, CancellationToken cancellationToken = default);
}
