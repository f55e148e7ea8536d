namespace QuantFunctions.Lake.Parquet;

/// <summary>What a column's values mean (physical type plus logical/converted annotation).</summary>
public enum ParquetValueKind
{
    /// <summary>true/false (<see cref="ColumnBuffer.Booleans"/>).</summary>
    Boolean,

    /// <summary>8/16/32-bit integer, signed or unsigned (<see cref="ColumnBuffer.Int32s"/>; UINT_32 reinterpreted).</summary>
    Int32,

    /// <summary>64-bit integer, signed or unsigned (<see cref="ColumnBuffer.Int64s"/>; UINT_64 reinterpreted).</summary>
    Int64,

    /// <summary>IEEE single (<see cref="ColumnBuffer.Floats"/>).</summary>
    Float,

    /// <summary>IEEE double (<see cref="ColumnBuffer.Doubles"/>).</summary>
    Double,

    /// <summary>UTF-8 text (<see cref="ColumnBuffer.Strings"/>).</summary>
    String,

    /// <summary>Raw bytes (<see cref="ColumnBuffer.Binaries"/>).</summary>
    Binary,

    /// <summary>Days since 1970-01-01 (<see cref="ColumnBuffer.Int32s"/>).</summary>
    Date,

    /// <summary>Time of day in <see cref="ParquetColumn.Unit"/> (Int32s for millis, Int64s otherwise).</summary>
    Time,

    /// <summary>Units since the epoch (<see cref="ColumnBuffer.Int64s"/>; legacy INT96 values are kept as their raw 12 bytes in <see cref="ColumnBuffer.Binaries"/>: 8-byte LE nanoseconds of day, 4-byte LE Julian day).</summary>
    Timestamp,

    /// <summary>Unscaled integer × 10^-scale (Int32s, Int64s, or big-endian two's complement Binaries).</summary>
    Decimal,

    /// <summary>16 raw big-endian bytes (<see cref="ColumnBuffer.Binaries"/>).</summary>
    Uuid,

    /// <summary>IEEE half, widened to <see cref="ColumnBuffer.Floats"/>.</summary>
    Float16,
}
