namespace QuantFunctions.Lake.Azure;

/// <summary>Upload and read sizes of a <see cref="BlobLakeStore"/> (retries and transport are <c>BlobClientOptions</c>).</summary>
public sealed record BlobLakeStoreOptions
{
    /// <summary>Content up to this size is written with one Put Blob; larger content as staged blocks and one Put Block List.</summary>
    /// <value>Default 8 MiB.</value>
    public int SingleUploadThreshold { get; init; } = 8 * 1024 * 1024;

    /// <summary>Size of one staged block (streamed writes hold about one threshold plus one block in memory).</summary>
    /// <value>Default 4 MiB.</value>
    public int BlockSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>Size of one ranged read; an object up to this size is read by <c>OpenReadAsync</c> in one request.</summary>
    /// <value>Default 4 MiB.</value>
    public int ReadChunkSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>Blocks staged in parallel by <c>WriteAsync</c> of large content.</summary>
    /// <value>Default 4.</value>
    public int UploadConcurrency { get; init; } = 4;

    /// <summary>Checks every setting; called by the store's constructor.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it.</exception>
    public BlobLakeStoreOptions Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BlockSize, 64 * 1024, nameof(BlockSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BlockSize, 256 * 1024 * 1024, nameof(BlockSize));
        ArgumentOutOfRangeException.ThrowIfNegative(SingleUploadThreshold, nameof(SingleUploadThreshold));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SingleUploadThreshold, 256 * 1024 * 1024, nameof(SingleUploadThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReadChunkSize, 4096, nameof(ReadChunkSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ReadChunkSize, 256 * 1024 * 1024, nameof(ReadChunkSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(UploadConcurrency, 1, nameof(UploadConcurrency));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(UploadConcurrency, 64, nameof(UploadConcurrency));
        return this;
    }
}
