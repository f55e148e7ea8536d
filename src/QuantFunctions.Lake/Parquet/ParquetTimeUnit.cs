namespace QuantFunctions.Lake.Parquet;

/// <summary>Unit of TIME and TIMESTAMP values (parquet.thrift <c>TimeUnit</c>).</summary>
public enum ParquetTimeUnit
{
    /// <summary>Milliseconds.</summary>
    Millis = 1,

    /// <summary>Microseconds.</summary>
    Micros = 2,

    /// <summary>Nanoseconds.</summary>
    Nanos = 3,
}
