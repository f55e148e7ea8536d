namespace QuantFunctions.Lake.Parquet;

/// <summary>One row group of a file.</summary>
/// <param name="Index">Row group index.</param>
/// <param name="RowCount">Rows.</param>
/// <param name="TotalByteSize">Uncompressed size of its column data.</param>
/// <param name="TotalCompressedSize">Compressed size, when written.</param>
/// <param name="Columns">Its column chunks.</param>
public sealed record ParquetRowGroupInfo(int Index, long RowCount, long TotalByteSize, long? TotalCompressedSize, IReadOnlyList<ParquetColumnChunkInfo> Columns);
