using System.Text.Json;

namespace QuantFunctions.Lake.Parquet;

/// <summary>
/// What a Parquet footer says (for <c>quant parquet inspect</c>): schema, row groups, per-chunk codec,
/// encodings, sizes and statistics, key/value metadata. Built by <see cref="ParquetReader.Describe"/>.
/// </summary>
/// <param name="FileName">The file name given to the reader.</param>
/// <param name="SizeBytes">File size.</param>
/// <param name="FormatVersion">FileMetaData.version.</param>
/// <param name="CreatedBy">FileMetaData.created_by.</param>
/// <param name="RowCount">Total rows.</param>
/// <param name="FooterBytes">Length of the Thrift footer.</param>
/// <param name="Columns">The leaf columns.</param>
/// <param name="RowGroups">The row groups.</param>
/// <param name="KeyValueMetadata">File key/value metadata, in stored order.</param>
public sealed record ParquetFileInfo(
    string? FileName,
    long SizeBytes,
    int FormatVersion,
    string? CreatedBy,
    long RowCount,
    long FooterBytes,
    IReadOnlyList<ParquetColumnInfo> Columns,
    IReadOnlyList<ParquetRowGroupInfo> RowGroups,
    IReadOnlyList<KeyValuePair<string, string?>> KeyValueMetadata)
{
    /// <summary>Indented JSON with snake_case names (enums as strings).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ParquetFileInfoJson.Default.ParquetFileInfo);
}
