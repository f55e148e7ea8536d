using System.Buffers.Binary;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Lake.Tests.Parquet.Fuzzing;

/// <summary>
/// The seed files of the decoder fuzz suite: every writable type in every writable codec (dictionary and PLAIN pages,
/// nulls, several row groups and pages), and files whose pages were re-encoded by hand into the encodings the lake
/// writer never produces (DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT, RLE
/// booleans) as V1 and V2 pages, uncompressed, SNAPPY and ZSTD. Each seed carries the rows it must read back as.
/// </summary>
internal static class FuzzCorpus
{
    public static readonly ParquetSchema Encodings = new([
        ParquetColumn.Int64("id"),
        ParquetColumn.Int32("n"),
        ParquetColumn.Double("px"),
        ParquetColumn.String("sym"),
        ParquetColumn.Boolean("up"),
    ]);

    public static List<FuzzSeed> Build()
    {
        var seeds = new List<FuzzSeed>();
        ColumnBuffer[] all = SampleTables.AllTypesRows(150, seed: 11);
        foreach (ParquetCodec codec in new[] { ParquetCodec.Uncompressed, ParquetCodec.Snappy, ParquetCodec.Gzip, ParquetCodec.Brotli, ParquetCodec.Zstd, ParquetCodec.Lz4Raw })
        {
            seeds.Add(Seed($"all types {codec}", SampleTables.Write(SampleTables.AllTypes, all, new ParquetWriterOptions { Codec = codec, RowGroupRows = 60, DataPageBytes = 1024 }), all));
        }

        seeds.Add(Seed("all types PLAIN", SampleTables.Write(SampleTables.AllTypes, all, new ParquetWriterOptions { Codec = ParquetCodec.Snappy, RowGroupRows = 75, EnableDictionary = false }), all));

        ColumnBuffer[] rows = EncodingRows(200, seed: 5);
        byte[] plain = SampleTables.Write(Encodings, rows, new ParquetWriterOptions { Codec = ParquetCodec.Uncompressed, EnableDictionary = false, RowGroupRows = 100 });
        foreach (ParquetCodec codec in new[] { ParquetCodec.Uncompressed, ParquetCodec.Snappy, ParquetCodec.Zstd })
        {
            foreach (bool v2 in new[] { false, true })
            {
                foreach (bool prefixed in new[] { false, true })
                {
                    seeds.Add(Seed($"encodings {codec} {(v2 ? "V2" : "V1")} {(prefixed ? "DELTA_BYTE_ARRAY" : "DELTA_LENGTH_BYTE_ARRAY")}", ReEncode(plain, codec, v2, prefixed), rows));
                }
            }
        }

        return seeds;
    }

    private static FuzzSeed Seed(string name, byte[] file, ColumnBuffer[] source) => new(name, file, SampleTables.CanonicalRows(source));

    private static ColumnBuffer[] EncodingRows(int n, int seed)
    {
        var rng = new Random(seed);
        long[] id = new long[n];
        int[] num = new int[n];
        double[] px = new double[n];
        string[] sym = new string[n];
        bool[] up = new bool[n];
        string[] roots = ["BINANCE:BTCUSDT", "BINANCE:BTCEUR", "BINANCE:ETHUSDT", "NASDAQ:AAPL", "NASDAQ:AAPL.W", "€uro", ""];
        for (int i = 0; i < n; i++)
        {
            id[i] = 1_700_000_000_000 + (i * 60_000L) + rng.Next(-5, 5);
            num[i] = rng.Next(-1000, 1000) * (i % 3 == 0 ? 100_000 : 1);
            px[i] = i % 50 == 7 ? double.NaN : 100 + (rng.NextDouble() * 50);
            sym[i] = roots[rng.Next(roots.Length)] + (i % 4 == 0 ? string.Empty : i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            up[i] = rng.Next(3) != 0;
        }

        IReadOnlyList<ParquetColumn> c = Encodings.Columns;
        return [ColumnBuffer.Create(c[0], id), ColumnBuffer.Create(c[1], num), ColumnBuffer.Create(c[2], px), ColumnBuffer.Create(c[3], sym), ColumnBuffer.Create(c[4], up)];
    }

    /// <summary>Re-encodes every data page of the PLAIN, uncompressed <paramref name="plain"/> file (REQUIRED columns only).</summary>
    private static byte[] ReEncode(byte[] plain, ParquetCodec codec, bool v2, bool prefixed)
    {
        ParquetFileModel model = ParquetFileModel.Parse(plain);
        for (int g = 0; g < model.Chunks.Length; g++)
        {
            for (int c = 0; c < model.Chunks[g].Length; c++)
            {
                model.Meta.RowGroups[g].Columns[c].Codec = (int)codec;
                foreach (ParquetPage page in model.Chunks[g][c].Where(p => p.IsData))
                {
                    (int encoding, byte[] body) = Encode(c, page.Body, page.Header.NumValues, prefixed);
                    page.Header.Encoding = encoding;
                    if (v2)
                    {
                        page.Header.Type = ThriftPageHeader.DataPageV2;
                        page.Header.NumRows = page.Header.NumValues;
                        page.Header.IsCompressed = codec != ParquetCodec.Uncompressed;
                    }

                    model.Deflate(g, c, page, body);
                }
            }
        }

        return model.ToBytes();
    }

    private static (int Encoding, byte[] Body) Encode(int column, byte[] plain, int count, bool prefixed)
    {
        switch (column)
        {
            case 0:
                return (5, DeltaEncoder.BinaryPacked(Longs(plain, count, 8)));
            case 1:
                return prefixed ? (9, DeltaEncoder.ByteStreamSplit(plain, 4)) : (5, DeltaEncoder.BinaryPacked(Longs(plain, count, 4)));
            case 2:
                return (9, DeltaEncoder.ByteStreamSplit(plain, 8));
            case 3:
                var values = new List<byte[]>();
                for (int pos = 0; pos < plain.Length;)
                {
                    int len = BinaryPrimitives.ReadInt32LittleEndian(plain.AsSpan(pos));
                    values.Add(plain.AsSpan(pos + 4, len).ToArray());
                    pos += 4 + len;
                }

                return prefixed ? (7, DeltaEncoder.ByteArray(values)) : (6, DeltaEncoder.LengthByteArray(values));
            default:
                int[] bits = new int[count];
                for (int i = 0; i < count; i++)
                {
                    bits[i] = (plain[i >> 3] >> (i & 7)) & 1;
                }

                using (var rle = new ByteBuffer())
                {
                    RleBitPackedHybrid.Encode(bits, 1, rle);
                    byte[] body = new byte[4 + rle.Length];
                    BinaryPrimitives.WriteInt32LittleEndian(body, rle.Length);
                    rle.WrittenSpan.CopyTo(body.AsSpan(4));
                    return (3, body);
                }
        }
    }

    private static long[] Longs(byte[] plain, int count, int width)
    {
        long[] values = new long[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = width == 8 ? BinaryPrimitives.ReadInt64LittleEndian(plain.AsSpan(i * 8)) : BinaryPrimitives.ReadInt32LittleEndian(plain.AsSpan(i * 4));
        }

        return values;
    }
}
