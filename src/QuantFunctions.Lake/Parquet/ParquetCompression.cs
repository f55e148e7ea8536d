using System.IO.Compression;

namespace QuantFunctions.Lake.Parquet;

/// <summary>Page body compression (FORMAT-NOTES §9): each page body is one raw block of the chunk's codec.</summary>
internal static class ParquetCompression
{
    public static bool IsSupported(ParquetCodec codec) =>
        codec is ParquetCodec.Uncompressed or ParquetCodec.Snappy or ParquetCodec.Gzip or ParquetCodec.Brotli;

    public static string Name(int codec) => Enum.IsDefined((ParquetCodec)codec) ? ((ParquetCodec)codec).ToString().ToUpperInvariant() : $"codec #{codec}";

    /// <summary>Decompresses <paramref name="source"/> into exactly <paramref name="destination"/>.Length bytes.</summary>
    public static void Decompress(ParquetCodec codec, ReadOnlySpan<byte> source, Span<byte> destination, long offset)
    {
        int written;
        try
        {
            written = codec switch
            {
                ParquetCodec.Snappy => SnappyDecoder.Decompress(source, destination),
                ParquetCodec.Gzip => FromStream(source, destination, static s => new GZipStream(s, CompressionMode.Decompress)),
                ParquetCodec.Brotli => Brotli(source, destination),
                _ => throw new ParquetNotSupportedException($"codec {Name((int)codec)}"),
            };
        }
        catch (Exception ex) when (ex is InvalidDataException or IndexOutOfRangeException or ArgumentException or InvalidOperationException or OverflowException or IOException)
        {
            throw new ParquetFormatException($"bad {Name((int)codec)} compressed data ({ex.Message})", offset: offset, inner: ex);
        }

        if (written != destination.Length)
        {
            throw new ParquetFormatException($"{Name((int)codec)} data decompressed to {written} bytes, the page header declares {destination.Length}", offset: offset);
        }
    }

    /// <summary>Compresses <paramref name="source"/>; returns the compressed bytes (a new array).</summary>
    public static byte[] Compress(ParquetCodec codec, ReadOnlySpan<byte> source, int compressionLevel)
    {
        switch (codec)
        {
            case ParquetCodec.Snappy:
                return IronSnappy.Snappy.Encode(source);
            case ParquetCodec.Gzip:
            {
                using var ms = new MemoryStream(source.Length / 2 + 64);
                using (var gz = new GZipStream(ms, compressionLevel <= 1 ? CompressionLevel.Fastest : CompressionLevel.Optimal, leaveOpen: true))
                {
                    gz.Write(source);
                }

                return ms.ToArray();
            }

            case ParquetCodec.Brotli:
            {
                byte[] dest = new byte[BrotliEncoder.GetMaxCompressedLength(source.Length)];
                if (!BrotliEncoder.TryCompress(source, dest, out int n, Math.Clamp(compressionLevel, 0, 11), 22))
                {
                    throw new InvalidOperationException("Brotli compression failed");
                }

                return dest.AsSpan(0, n).ToArray();
            }

            default:
                throw new ParquetNotSupportedException($"writing codec {Name((int)codec)}");
        }
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
}
