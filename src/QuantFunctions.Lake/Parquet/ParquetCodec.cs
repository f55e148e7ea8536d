namespace QuantFunctions.Lake.Parquet;

/// <summary>Page compression codecs (parquet.thrift <c>CompressionCodec</c>).</summary>
public enum ParquetCodec
{
    /// <summary>No compression.</summary>
    Uncompressed = 0,

    /// <summary>Raw Snappy blocks (read and written, through Snappier).</summary>
    Snappy = 1,

    /// <summary>RFC 1952 gzip (read, incl. concatenated members, and written).</summary>
    Gzip = 2,

    /// <summary>LZO (not supported).</summary>
    Lzo = 3,

    /// <summary>Brotli (read and written).</summary>
    Brotli = 4,

    /// <summary>Deprecated LZ4: Hadoop framing, or a raw LZ4 block as older parquet-cpp wrote (read only).</summary>
    Lz4 = 5,

    /// <summary>Zstandard frames (read and written, through ZstdSharp).</summary>
    Zstd = 6,

    /// <summary>Raw LZ4 blocks, LZ4_RAW (read and written, through K4os.Compression.LZ4).</summary>
    Lz4Raw = 7,
}
