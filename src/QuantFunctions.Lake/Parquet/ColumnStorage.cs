namespace QuantFunctions.Lake.Parquet;

/// <summary>Which array of a <see cref="ColumnBuffer"/> holds a column's values.</summary>
public enum ColumnStorage
{
    /// <summary><see cref="ColumnBuffer.Booleans"/>.</summary>
    Boolean,

    /// <summary><see cref="ColumnBuffer.Int32s"/>.</summary>
    Int32,

    /// <summary><see cref="ColumnBuffer.Int64s"/>.</summary>
    Int64,

    /// <summary><see cref="ColumnBuffer.Floats"/>.</summary>
    Float,

    /// <summary><see cref="ColumnBuffer.Doubles"/>.</summary>
    Double,

    /// <summary><see cref="ColumnBuffer.Strings"/>.</summary>
    String,

    /// <summary><see cref="ColumnBuffer.Binaries"/>.</summary>
    Binary,
}
