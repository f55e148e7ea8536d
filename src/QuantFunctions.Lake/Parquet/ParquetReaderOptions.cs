namespace QuantFunctions.Lake.Parquet;

/// <summary>Options of <see cref="ParquetReader"/>; validated when set.</summary>
public sealed record ParquetReaderOptions
{
    private readonly int _maxRowGroupRows = 64 * 1024 * 1024;
    private readonly int _maxFooterBytes = 256 * 1024 * 1024;
    private readonly long _maxReadBytes = DefaultMaxReadBytes;

    /// <summary>
    /// Default <see cref="MaxReadBytes"/>: 512 MiB, a quarter of a 2 GiB Functions instance (Flex Consumption), leaving
    /// the rest to the host, the runtime and a second activity on the same instance.
    /// </summary>
    public const long DefaultMaxReadBytes = 512L * 1024 * 1024;

    /// <summary>Verify page CRC-32 checksums when present (default true).</summary>
    public bool VerifyChecksums { get; init; } = true;

    /// <summary>Largest row group accepted (rows; default 64 Mi). Guards allocations against corrupt counts.</summary>
    public int MaxRowGroupRows
    {
        get => _maxRowGroupRows;
        init => _maxRowGroupRows = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxRowGroupRows), value, "must be positive");
    }

    /// <summary>
    /// The memory budget of one row-group read (<see cref="ParquetReader.ReadRowGroup"/>, each batch of
    /// <see cref="ParquetReader.ReadAsync"/>): the bytes it may materialise, counted before allocating from what the file
    /// declares — row counts (the column buffers), uncompressed page sizes, dictionaries, strings and binaries, and the
    /// expansion of DELTA_BYTE_ARRAY prefixes. A read that would exceed it throws a <see cref="ParquetFormatException"/>
    /// naming the file, column and budget (<see cref="ParquetFormatException.ReadBudget"/>).
    /// </summary>
    /// <value>Default <see cref="DefaultMaxReadBytes"/> (512 MiB); at least 64 KiB.</value>
    public long MaxReadBytes
    {
        get => _maxReadBytes;
        init => _maxReadBytes = value >= 64 * 1024 ? value : throw new ArgumentOutOfRangeException(nameof(MaxReadBytes), value, "must be at least 64 KiB");
    }

    /// <summary>Largest footer accepted (bytes; default 256 MiB).</summary>
    public int MaxFooterBytes
    {
        get => _maxFooterBytes;
        init => _maxFooterBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxFooterBytes), value, "must be positive");
    }
}
