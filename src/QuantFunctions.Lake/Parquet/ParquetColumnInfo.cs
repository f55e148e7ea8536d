namespace QuantFunctions.Lake.Parquet;

/// <summary>One leaf column of a file's schema, as stored and as interpreted.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Kind">How the codec interprets the values.</param>
/// <param name="PhysicalType">Physical type.</param>
/// <param name="Repetition">REQUIRED or OPTIONAL.</param>
/// <param name="ConvertedType">Legacy converted type id, when present.</param>
/// <param name="LogicalType">LogicalType union member (e.g. TIMESTAMP(MICROS, UTC)), when present.</param>
/// <param name="TypeLength">FIXED_LEN_BYTE_ARRAY length, when set.</param>
/// <param name="Precision">DECIMAL precision, when set.</param>
/// <param name="Scale">DECIMAL scale, when set.</param>
public sealed record ParquetColumnInfo(
    string Name,
    ParquetValueKind Kind,
    ParquetPhysicalType PhysicalType,
    string Repetition,
    int? ConvertedType,
    string? LogicalType,
    int? TypeLength,
    int? Precision,
    int? Scale);
