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
    /// <remarks>
    /// A store reached over a network retries a request whose answer was lost; a conditional write (If-Match or
    /// create-only) whose first attempt succeeded then recognises its own write (an id it stored with the content, not
    /// merely equal content: two writers computing the same content are two writes) and succeeds instead of reporting a
    /// conflict.
    /// </remarks>
    /// <exception cref="LakeConflictException">The object changed or does not exist.</exception>
    Task<LakeObjectInfo> WriteIfMatchAsync(LakePath path, ReadOnlyMemory<byte> content, string expectedETag, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends <paramref name="content"/> atomically to the object, only if it is exactly <paramref name="expectedLength"/>
    /// bytes long (0: also when it does not exist, which creates it) and, when <paramref name="expectedETag"/> is given,
    /// still has that ETag. Costs O(content), not O(object): an append blob on Blob Storage, an append to the file locally.
    /// An append whose answer was lost and that was retried recognises its own bytes at <paramref name="expectedLength"/>
    /// and succeeds (so two writers appending identical bytes at one position are recorded once: for a ledger, the same
    /// entry).
    /// </summary>
    /// <returns>The object after the append (its new size and ETag).</returns>
    /// <exception cref="LakeConflictException">The object's length or ETag is not the expected one (another writer appended first, or replaced it).</exception>
    Task<LakeObjectInfo> AppendAsync(LakePath path, ReadOnlyMemory<byte> content, long expectedLength, string? expectedETag = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads an object's bytes from <paramref name="offset"/> to its end (empty when it is not longer than that); null when
    /// it does not exist. <see cref="LakeObject.Info"/> describes the whole object (its full size).
    /// </summary>
    Task<LakeObject?> TryReadFromAsync(LakePath path, long offset, CancellationToken cancellationToken = default);

    /// <summary>Lists objects (not folders) at or below <paramref name="prefix"/>, ordered by path (ordinal).</summary>
    IAsyncEnumerable<LakeObjectInfo> ListAsync(LakePath prefix, CancellationToken cancellationToken = default);

    /// <summary>Deletes an object; false when it did not exist.</summary>
    Task<bool> DeleteAsync(LakePath path, CancellationToken cancellationToken = default);
}
