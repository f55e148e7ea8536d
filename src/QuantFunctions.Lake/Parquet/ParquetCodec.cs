namespace QuantFunctions.Lake.Parquet;

/// <summary>Page compression codecs (parquet.thrift <c>CompressionCodec</c>).</summary>
public enum ParquetCodec
{
    /// <summary>No compression.</summary>
    Uncompressed = 0,

    /// <summary>Raw Snappy blocks (supported).</summary>
    Snappy = 1,

    /// <summary>RFC 1952 gzip (supported).</summary>
    Gzip = 2,

    /// <summary>LZO (not supported).</summary>
    Lzo = 3,

    /// <summary>Brotli (supported).</summary>
    Brotli = 4,

    /// <summary>Hadoop-framed LZ4, deprecated (not supported).</summary>
    Lz4 = 5,

    /// <summary>Zstandard (not supported: no package on the feed).</summary>
    Zstd = 6,

    /// <summary>Raw LZ4 blocks (not supported).</summary>
    Lz4Raw = 7,
}
