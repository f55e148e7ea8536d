namespace QuantFunctions.Lake.Parquet;

/// <summary>One column chunk of a row group.</summary>
/// <param name="Column">Column name.</param>
/// <param name="Codec">Compression codec name (e.g. SNAPPY).</param>
/// <param name="Encodings">Encodings listed in ColumnMetaData (informational).</param>
/// <param name="ValueCount">Values including nulls.</param>
/// <param name="TotalCompressedSize">Bytes on disk including page headers.</param>
/// <param name="TotalUncompressedSize">Bytes after decompression including page headers.</param>
/// <param name="DataPageOffset">Absolute offset of the first data page.</param>
/// <param name="DictionaryPageOffset">Absolute offset of the dictionary page, when set.</param>
/// <param name="Statistics">Chunk statistics, when written.</param>
public sealed record ParquetColumnChunkInfo(
    string Column,
    string Codec,
    IReadOnlyList<string> Encodings,
    long ValueCount,
    long TotalCompressedSize,
    long TotalUncompressedSize,
    long DataPageOffset,
    long? DictionaryPageOffset,
    ParquetStatisticsInfo? Statistics);
