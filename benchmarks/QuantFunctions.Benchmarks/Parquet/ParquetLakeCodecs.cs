using System.Diagnostics;
using System.Globalization;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Benchmarks.Parquet;

/// <summary>
/// Chooses the lake's default codec by measurement (docs/parquet.md): each given lake file is read, rewritten in memory
/// with every writable codec (same row groups, dictionary and page settings as the lake writer), and for each we print
/// the file size and the median full-read time (every column of every row group materialised, from memory).
/// Usage: <c>parquet-lake-codecs RUNS FILE...</c>.
/// </summary>
public static class ParquetLakeCodecs
{
    private static readonly (string Name, ParquetCodec Codec, int Level)[] Candidates =
    [
        ("uncompressed", ParquetCodec.Uncompressed, 1), ("snappy", ParquetCodec.Snappy, 1), ("zstd(1)", ParquetCodec.Zstd, 1),
        ("zstd(3)", ParquetCodec.Zstd, 3), ("lz4_raw", ParquetCodec.Lz4Raw, 1), ("gzip", ParquetCodec.Gzip, 1), ("brotli(1)", ParquetCodec.Brotli, 1),
    ];

    public static void Run(int runs, IReadOnlyList<string> files)
    {
        Console.WriteLine("file | codec | bytes | full read ms (best of RUNS, interleaved) | write ms (best)");
        foreach (string file in files)
        {
            var batches = new List<RowGroupBatch>();
            ParquetSchema schema;
            using (ParquetReader source = ParquetReader.Open(file))
            {
                schema = source.Schema;
                for (int g = 0; g < source.RowGroupCount; g++)
                {
                    batches.Add(source.ReadRowGroup(g));
                }
            }

            // Round-robin over the codecs, best of RUNS rounds: on a shared, loaded machine the minimum is the stable figure
            // and interleaving keeps a burst of load from landing on one codec only.
            var options = new ParquetWriterOptions[Candidates.Length];
            var bytes = new byte[Candidates.Length][];
            double[] read = new double[Candidates.Length], write = new double[Candidates.Length];
            for (int c = 0; c < Candidates.Length; c++)
            {
                options[c] = new ParquetWriterOptions { Codec = Candidates[c].Codec, CompressionLevel = Candidates[c].Level };
                bytes[c] = Write(schema, batches, options[c]);
                ReadAll(bytes[c]);
                read[c] = write[c] = double.MaxValue;
            }

            for (int r = 0; r < runs; r++)
            {
                for (int c = 0; c < Candidates.Length; c++)
                {
                    read[c] = Math.Min(read[c], Time(() => ReadAll(bytes[c])));
                    write[c] = Math.Min(write[c], Time(() => Write(schema, batches, options[c])));
                }
            }

            for (int c = 0; c < Candidates.Length; c++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file} | {Candidates[c].Name} | {bytes[c].Length} | {read[c]:F3} | {write[c]:F3}"));
            }
        }
    }

    private static byte[] Write(ParquetSchema schema, List<RowGroupBatch> batches, ParquetWriterOptions options)
    {
        using var ms = new MemoryStream();
        using (var writer = new ParquetWriter(ms, schema, options, leaveOpen: true))
        {
            foreach (RowGroupBatch b in batches)
            {
                writer.Write(b.Columns);
            }

            writer.Complete();
        }

        return ms.ToArray();
    }

    private static long ReadAll(byte[] file)
    {
        using ParquetReader reader = ParquetReader.Open(file);
        long rows = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            rows += reader.ReadRowGroup(g).RowCount;
        }

        return rows;
    }

    private static double Time(Action action)
    {
        long s = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(s).TotalMilliseconds;
    }
}
