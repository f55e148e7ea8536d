namespace QuantFunctions.Lake.Azure;

/// <summary>Retry, upload and read settings shared by the Blob and Queue clients.</summary>
/// <remarks>
/// Retries use jittered exponential backoff (Polly's decorrelated jitter): attempt n waits about
/// <see cref="RetryBaseDelay"/>·2ⁿ⁻¹, capped at <see cref="RetryMaxDelay"/>; a <c>Retry-After</c> header
/// from the service replaces the computed delay (also capped at <see cref="RetryMaxDelay"/>).
/// </remarks>
public sealed record AzureStorageOptions
{
    /// <summary>Retries after the first attempt on 408/429/500/502/503/504 and connection faults.</summary>
    /// <value>Default 4; 0 disables retries.</value>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The first retry's median delay.</summary>
    /// <value>Default 0.5 s.</value>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of one retry delay, including one asked for by <c>Retry-After</c>.</summary>
    /// <value>Default 30 s.</value>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Content longer than this is uploaded as blocks (Put Block + Put Block List) rather than one Put Blob.</summary>
    /// <value>Default 8 MiB.</value>
    public int BlockUploadThreshold { get; init; } = 8 * 1024 * 1024;

    /// <summary>Size of one staged block.</summary>
    /// <value>Default 4 MiB.</value>
    public int BlockSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>Blobs up to this size are downloaded whole by <c>BlobLakeStore.OpenReadAsync</c>; larger ones are read by ranges.</summary>
    /// <value>Default 16 MiB.</value>
    public long WholeReadThreshold { get; init; } = 16L * 1024 * 1024;

    /// <summary>Size of one ranged read of a large blob.</summary>
    /// <value>Default 4 MiB.</value>
    public int ReadChunkSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>Checks every setting; called by the clients' constructors.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside its range; the message names it.</exception>
    public AzureStorageOptions Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRetries, 50, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryBaseDelay, TimeSpan.Zero, nameof(RetryBaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryMaxDelay, RetryBaseDelay, nameof(RetryMaxDelay));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RetryMaxDelay, TimeSpan.FromHours(1), nameof(RetryMaxDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(BlockSize, 64 * 1024, nameof(BlockSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BlockSize, 256 * 1024 * 1024, nameof(BlockSize));
        ArgumentOutOfRangeException.ThrowIfNegative(BlockUploadThreshold, nameof(BlockUploadThreshold));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BlockUploadThreshold, 256 * 1024 * 1024, nameof(BlockUploadThreshold));
        ArgumentOutOfRangeException.ThrowIfNegative(WholeReadThreshold, nameof(WholeReadThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReadChunkSize, 4096, nameof(ReadChunkSize));
        return this;
    }
}
