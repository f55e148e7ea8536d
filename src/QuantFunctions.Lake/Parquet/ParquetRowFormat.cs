namespace QuantFunctions.Lake.Parquet;

/// <summary>Text formats of <see cref="ParquetRowRenderer"/>.</summary>
public enum ParquetRowFormat
{
    /// <summary>RFC 4180 CSV with a header row; nulls are empty fields.</summary>
    Csv,

    /// <summary>One JSON object per line; numbers as JSON numbers (NaN/Infinity as strings), everything else as strings.</summary>
    JsonLines,
}
