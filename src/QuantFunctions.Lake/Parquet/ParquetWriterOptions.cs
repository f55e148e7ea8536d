namespace QuantFunctions.Lake.Parquet;

/// <summary>Options of <see cref="ParquetWriter"/>; each value is validated when set.</summary>
public sealed record ParquetWriterOptions
{
    /// <summary>Key/value metadata key of <see cref="SchemaVersion"/>.</summary>
    public const string SchemaVersionKey = "quantfunctions.schema_version";

    /// <summary>Key/value metadata key of <see cref="ContentFingerprint"/>.</summary>
    public const string ContentFingerprintKey = "quantfunctions.content_fingerprint";

    private readonly ParquetCodec _codec = ParquetCodec.Snappy;
    private readonly int _rowGroupRows = 1 << 17;
    private readonly int _dataPageBytes = 1 << 20;
    private readonly int _dictionaryPageBytes = 1 << 20;
    private readonly int _compressionLevel = 1;

    /// <summary>Page codec (default SNAPPY); UNCOMPRESSED, SNAPPY, ZSTD, LZ4_RAW, GZIP or BROTLI (not the deprecated Hadoop LZ4).</summary>
    public ParquetCodec Codec
    {
        get => _codec;
        init => _codec = ParquetCompression.IsWritable(value) ? value : throw new ParquetNotSupportedException($"writing codec {ParquetCompression.Name((int)value)}");
    }

    /// <summary>Rows per row group (default 131,072); a row group is flushed as soon as it is full.</summary>
    public int RowGroupRows
    {
        get => _rowGroupRows;
        init => _rowGroupRows = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(RowGroupRows), value, "must be positive");
    }

    /// <summary>Target uncompressed size of a data page (default 1 MiB).</summary>
    public int DataPageBytes
    {
        get => _dataPageBytes;
        init => _dataPageBytes = value >= 1024 ? value : throw new ArgumentOutOfRangeException(nameof(DataPageBytes), value, "must be at least 1024");
    }

    /// <summary>Largest dictionary page (bytes, default 1 MiB); a larger dictionary falls back to PLAIN for the chunk.</summary>
    public int DictionaryPageBytes
    {
        get => _dictionaryPageBytes;
        init => _dictionaryPageBytes = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(DictionaryPageBytes), value, "must be non-negative");
    }

    /// <summary>Dictionary-encode strings and low-cardinality numeric columns (default true).</summary>
    public bool EnableDictionary { get; init; } = true;

    /// <summary>Write page CRC-32 checksums (default true).</summary>
    public bool WritePageChecksums { get; init; } = true;

    /// <summary>
    /// Codec level, default 1: ZSTD 1..22 (0 = ZSTD's default, 3), BROTLI 0..11 (clamped), GZIP ≤ 1 fastest else optimal,
    /// LZ4_RAW ≥ 3 high compression (LZ4HC level 3) else fast; SNAPPY has none.
    /// </summary>
    public int CompressionLevel
    {
        get => _compressionLevel;
        init => _compressionLevel = value is >= 0 and <= 22 ? value : throw new ArgumentOutOfRangeException(nameof(CompressionLevel), value, "must be 0..22");
    }

    /// <summary>Schema version stored under <see cref="SchemaVersionKey"/> (null: not written).</summary>
    public string? SchemaVersion { get; init; }

    /// <summary>Content fingerprint stored under <see cref="ContentFingerprintKey"/> (null: not written).</summary>
    public string? ContentFingerprint { get; init; }

    /// <summary>Further key/value metadata, written in key order.</summary>
    public IReadOnlyDictionary<string, string>? KeyValueMetadata { get; init; }

    /// <summary>FileMetaData.created_by.</summary>
    public string CreatedBy { get; init; } = "QuantFunctions.Lake.Parquet version 1.0.0 (build quantfunctions)";
}
