using System.Buffers.Binary;
using System.IO.Compression;
using K4os.Compression.LZ4;
using ZstdSharp;

namespace QuantFunctions.Lake.Parquet;

/// <summary>
/// Page body compression (FORMAT-NOTES §9): each page body is one block of the chunk's codec. SNAPPY through
/// Snappier, ZSTD through ZstdSharp, LZ4_RAW (and the deprecated Hadoop-framed LZ4, read only) through
/// K4os.Compression.LZ4, GZIP and BROTLI through the BCL. Decompression always writes into a destination of
/// exactly the declared uncompressed size, so a page can never inflate past its (bounded) declared size.
/// </summary>
internal static class ParquetCompression
{
    [ThreadStatic]
    private static Decompressor? t_zstdDecompressor;

    [ThreadStatic]
    private static Compressor? t_zstdCompressor;

    [ThreadStatic]
    private static int t_zstdLevel;

    /// <summary>Codecs the reader decodes.</summary>
    public static bool IsSupported(ParquetCodec codec) =>
        codec is ParquetCodec.Uncompressed or ParquetCodec.Snappy or ParquetCodec.Gzip or ParquetCodec.Brotli
            or ParquetCodec.Zstd or ParquetCodec.Lz4Raw or ParquetCodec.Lz4;

    /// <summary>Codecs the writer encodes (not the deprecated Hadoop LZ4 nor LZO).</summary>
    public static bool IsWritable(ParquetCodec codec) => codec != ParquetCodec.Lz4 && codec != ParquetCodec.Lzo && IsSupported(codec);

    public static string Name(int codec) => codec switch
    {
        (int)ParquetCodec.Lz4Raw => "LZ4_RAW",
        _ when Enum.IsDefined((ParquetCodec)codec) => ((ParquetCodec)codec).ToString().ToUpperInvariant(),
        _ => $"codec #{codec}",
    };

    /// <summary>
    /// Checks a size the compressed data itself states against the page's declared size before a buffer of that size is
    /// allocated (SNAPPY's preamble); codecs without a cheap, reliable statement are bounded by the declared size alone.
    /// </summary>
    /// <exception cref="ParquetFormatException">The sizes differ, or the preamble is corrupt.</exception>
    public static void CheckDeclaredSize(ParquetCodec codec, ReadOnlySpan<byte> source, int declared, long offset, int page)
    {
        if (codec != ParquetCodec.Snappy)
        {
            return;
        }

        int stated;
        try
        {
            stated = Snappier.Snappy.GetUncompressedLength(source);
        }
        catch (InvalidDataException ex)
        {
            throw new ParquetFormatException($"page {page}: bad SNAPPY compressed data ({ex.Message})", offset: offset, inner: ex);
        }

        if (stated != declared)
        {
            throw new ParquetFormatException($"page {page}: SNAPPY data decompresses to {stated} bytes, the page header declares {declared}", offset: offset);
        }
    }

    /// <summary>Decompresses <paramref name="source"/> into exactly <paramref name="destination"/>.Length bytes.</summary>
    /// <exception cref="ParquetFormatException">corrupt data, or data that does not inflate to exactly the declared size.</exception>
    public static void Decompress(ParquetCodec codec, ReadOnlySpan<byte> source, Span<byte> destination, long offset, int page)
    {
        int written;
        try
        {
            written = codec switch
            {
                ParquetCodec.Snappy => Snappy(source, destination),
                ParquetCodec.Zstd => Zstd(source, destination),
                ParquetCodec.Lz4Raw => Lz4Raw(source, destination),
                ParquetCodec.Lz4 => Lz4Hadoop(source, destination),
                ParquetCodec.Gzip => FromStream(source, destination, static s => new GZipStream(s, CompressionMode.Decompress)),
                ParquetCodec.Brotli => Brotli(source, destination),
                _ => throw new ParquetNotSupportedException($"codec {Name((int)codec)}"),
            };
        }
        catch (Exception ex) when (ex is InvalidDataException or IndexOutOfRangeException or ArgumentException or InvalidOperationException
            or OverflowException or IOException or ZstdException)
        {
            throw new ParquetFormatException($"page {page}: bad {Name((int)codec)} compressed data ({ex.Message})", offset: offset, inner: ex);
        }

        if (written != destination.Length)
        {
            throw new ParquetFormatException($"page {page}: {Name((int)codec)} data decompressed to {written} bytes, the page header declares {destination.Length}", offset: offset);
        }
    }

    /// <summary>Compresses <paramref name="source"/> into <paramref name="destination"/> (cleared first); returns the compressed length.</summary>
    public static int Compress(ParquetCodec codec, ReadOnlySpan<byte> source, ByteBuffer destination, int compressionLevel)
    {
        destination.Clear();
        int n;
        switch (codec)
        {
            case ParquetCodec.Snappy:
                n = Snappier.Snappy.Compress(source, destination.GetSpan(Snappier.Snappy.GetMaxCompressedLength(source.Length)));
                break;
            case ParquetCodec.Zstd:
                n = ZstdCompressor(compressionLevel).Wrap(source, destination.GetSpan(Compressor.GetCompressBound(source.Length)));
                break;
            case ParquetCodec.Lz4Raw:
                n = LZ4Codec.Encode(source, destination.GetSpan(LZ4Codec.MaximumOutputSize(source.Length)), compressionLevel >= 3 ? LZ4Level.L03_HC : LZ4Level.L00_FAST);
                if (n < 0)
                {
                    throw new InvalidOperationException("LZ4 compression failed");
                }

                break;
            case ParquetCodec.Gzip:
            {
                using var ms = new MemoryStream(source.Length / 2 + 64);
                using (var gz = new GZipStream(ms, compressionLevel <= 1 ? CompressionLevel.Fastest : CompressionLevel.Optimal, leaveOpen: true))
                {
                    gz.Write(source);
                }

                n = (int)ms.Length;
                ms.GetBuffer().AsSpan(0, n).CopyTo(destination.GetSpan(n));
                break;
            }

            case ParquetCodec.Brotli:
                if (!BrotliEncoder.TryCompress(source, destination.GetSpan(BrotliEncoder.GetMaxCompressedLength(source.Length)), out n, Math.Clamp(compressionLevel, 0, 11), 22))
                {
                    throw new InvalidOperationException("Brotli compression failed");
                }

                break;
            default:
                throw new ParquetNotSupportedException($"writing codec {Name((int)codec)}");
        }

        destination.Advance(n);
        return n;
    }

    private static Compressor ZstdCompressor(int level)
    {
        int effective = level == 0 ? Compressor.DefaultCompressionLevel : level;
        if (t_zstdCompressor is null || t_zstdLevel != effective)
        {
            t_zstdCompressor?.Dispose();
            t_zstdCompressor = new Compressor(effective);
            t_zstdLevel = effective;
        }

        return t_zstdCompressor;
    }

    /// <summary>The preamble's size was checked against the destination by <see cref="CheckDeclaredSize"/>.</summary>
    private static int Snappy(ReadOnlySpan<byte> source, Span<byte> destination) => Snappier.Snappy.Decompress(source, destination);

    private static int Zstd(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        // Bounded by the destination (the page's declared size): a frame declaring more content, or inflating past
        // it, is "Destination buffer is too small", never a larger allocation; one inflating to less is caught by
        // the caller's size check.
        t_zstdDecompressor ??= new Decompressor();
        return t_zstdDecompressor.Unwrap(source, destination);
    }

    private static int Lz4Raw(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int n = LZ4Codec.Decode(source, destination);
        return n >= 0 ? n : throw new InvalidDataException("corrupt LZ4 block");
    }

    /// <summary>
    /// The deprecated LZ4 codec: Hadoop framing (blocks of big-endian uncompressed size, compressed size, raw LZ4
    /// block); as Arrow does, a body that is not valid Hadoop framing is decoded as one raw LZ4 block (files from
    /// older parquet-cpp).
    /// </summary>
    private static int Lz4Hadoop(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int hadoop = TryLz4Hadoop(source, destination);
        return hadoop >= 0 ? hadoop : Lz4Raw(source, destination);
    }

    private static int TryLz4Hadoop(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int inPos = 0, outPos = 0;
        while (source.Length - inPos >= 8)
        {
            uint expectedOut = BinaryPrimitives.ReadUInt32BigEndian(source[inPos..]);
            uint expectedIn = BinaryPrimitives.ReadUInt32BigEndian(source[(inPos + 4)..]);
            inPos += 8;
            if (expectedIn > (uint)(source.Length - inPos) || expectedOut > (uint)(destination.Length - outPos))
            {
                return -1;
            }

            int n = LZ4Codec.Decode(source.Slice(inPos, (int)expectedIn), destination.Slice(outPos, (int)expectedOut));
            if (n != (int)expectedOut)
            {
                return -1;
            }

            inPos += (int)expectedIn;
            outPos += n;
        }

        return inPos == source.Length ? outPos : -1;
    }

    private static int Brotli(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        using var decoder = new BrotliDecoder();
        System.Buffers.OperationStatus status = decoder.Decompress(source, destination, out int consumed, out int written);
        if (status != System.Buffers.OperationStatus.Done || consumed != source.Length)
        {
            throw new InvalidDataException($"Brotli stream status {status} after {consumed} of {source.Length} bytes");
        }

        return written;
    }

    private static int FromStream(ReadOnlySpan<byte> source, Span<byte> destination, Func<Stream, Stream> open)
    {
        using var input = new MemoryStream(source.ToArray(), writable: false);
        using Stream z = open(input);
        int total = 0;
        while (total < destination.Length)
        {
            int n = z.Read(destination[total..]);
            if (n == 0)
            {
                return total;
            }

            total += n;
        }

        Span<byte> probe = stackalloc byte[1];
        return z.Read(probe) == 0 ? total : total + 1;
    }
}
