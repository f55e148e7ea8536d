namespace QuantFunctions.Lake.Parquet;

/// <summary>Options of <see cref="ParquetReader"/>; validated when set.</summary>
public sealed record ParquetReaderOptions
{
    private readonly int _maxRowGroupRows = 64 * 1024 * 1024;
    private readonly int _maxFooterBytes = 256 * 1024 * 1024;

    /// <summary>Verify page CRC-32 checksums when present (default true).</summary>
    public bool VerifyChecksums { get; init; } = true;

    /// <summary>Largest row group accepted (rows; default 64 Mi). Guards allocations against corrupt counts.</summary>
    public int MaxRowGroupRows
    {
        get => _maxRowGroupRows;
        init => _maxRowGroupRows = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxRowGroupRows), value, "must be positive");
    }

    /// <summary>Largest footer accepted (bytes; default 256 MiB).</summary>
    public int MaxFooterBytes
    {
        get => _maxFooterBytes;
        init => _maxFooterBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxFooterBytes), value, "must be positive");
    }
}
