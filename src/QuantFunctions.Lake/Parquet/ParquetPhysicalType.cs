namespace QuantFunctions.Lake.Parquet;

/// <summary>Physical storage types (parquet.thrift <c>Type</c>).</summary>
public enum ParquetPhysicalType
{
    /// <summary>1 bit.</summary>
    Boolean = 0,

    /// <summary>32-bit signed integer.</summary>
    Int32 = 1,

    /// <summary>64-bit signed integer.</summary>
    Int64 = 2,

    /// <summary>Legacy 96-bit timestamp (read only).</summary>
    Int96 = 3,

    /// <summary>IEEE 754 single.</summary>
    Float = 4,

    /// <summary>IEEE 754 double.</summary>
    Double = 5,

    /// <summary>Length-prefixed bytes.</summary>
    ByteArray = 6,

    /// <summary>Fixed-length bytes (<see cref="ParquetColumn.TypeLength"/>).</summary>
    FixedLenByteArray = 7,
}
