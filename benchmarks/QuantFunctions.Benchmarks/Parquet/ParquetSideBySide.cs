using System.Diagnostics;
using System.Globalization;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Benchmarks.Parquet;

/// <summary>
/// Writes the OHLCV files for scripts/bench-parquet-duckdb.sh and times our read/write with a Stopwatch
/// (median of several runs after warm-up), printing one JSON line per measurement.
/// </summary>
public static class ParquetSideBySide
{
    /// <summary>QF_BENCH_STAT=best: report the fastest run instead of the median (stable on a loaded, shared machine).</summary>
    private static readonly bool Best = Environment.GetEnvironmentVariable("QF_BENCH_STAT") == "best";

    public static void Run(string dir, int runs)
    {
        Directory.CreateDirectory(dir);
        ColumnBuffer[] table = OhlcvTable.Create(1_000_000);
        foreach ((ParquetCodec codec, string name) in new[] { (ParquetCodec.Uncompressed, "uncompressed"), (ParquetCodec.Snappy, "snappy"), (ParquetCodec.Zstd, "zstd"), (ParquetCodec.Lz4Raw, "lz4_raw") })
        {
            string file = Path.Combine(dir, $"ohlcv_{name}.parquet");
            string scratch = Path.Combine(dir, $"ours_rewrite_{name}.parquet");
            OhlcvTable.WriteFile(file, table, codec);
            long bytes = new FileInfo(file).Length;
            double read = Median(runs, () => OhlcvTable.ReadAll(file));
            double write = Median(runs, () => OhlcvTable.WriteFile(scratch, table, codec));
            double rewrite = Median(runs, () =>
            {
                using ParquetReader reader = ParquetReader.Open(file);
                using var fs = new FileStream(scratch, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                using var writer = new ParquetWriter(fs, OhlcvTable.Schema, new ParquetWriterOptions { Codec = codec, WritePageChecksums = false });
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    writer.Write(reader.ReadRowGroup(g).Columns);
                }

                writer.Complete();
            });
            Emit(name, "read", read, bytes, file);
            Emit(name, "write", write, bytes, file);
            Emit(name, "rewrite", rewrite, bytes, file);
            File.Delete(scratch);
        }
    }

    private static void Emit(string codec, string op, double ms, long bytes, string file) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"impl\":\"quantfunctions\",\"codec\":\"{codec}\",\"op\":\"{op}\",\"ms\":{ms:F2},\"bytes\":{bytes},\"file\":\"{file}\"}}"));

    private static double Median(int runs, Action action)
    {
        action();
        action();
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            long s = Stopwatch.GetTimestamp();
            action();
            t[i] = Stopwatch.GetElapsedTime(s).TotalMilliseconds;
        }

        Array.Sort(t);
        return Best ? t[0] : t[runs / 2];
    }
}
