using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Benchmarks.Parquet;

/// <summary>A seeded OHLCV table: ts (TIMESTAMP micros UTC, sorted), symbol (500 distinct), open/high/low/close, volume.</summary>
public static class OhlcvTable
{
    public static readonly ParquetSchema Schema = new([
        ParquetColumn.Timestamp("ts", ParquetTimeUnit.Micros),
        ParquetColumn.String("symbol"),
        ParquetColumn.Double("open"),
        ParquetColumn.Double("high"),
        ParquetColumn.Double("low"),
        ParquetColumn.Double("close"),
        ParquetColumn.Int64("volume"),
    ]);

    public static ColumnBuffer[] Create(int rows, int seed = 2024)
    {
        var rng = new Random(seed);
        string[] symbols = new string[500];
        for (int i = 0; i < symbols.Length; i++)
        {
            symbols[i] = "SYM" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        }

        long start = (new DateTime(2024, 1, 2, 14, 30, 0, DateTimeKind.Utc) - DateTime.UnixEpoch).Ticks / 10;
        long[] ts = new long[rows], volume = new long[rows];
        string[] symbol = new string[rows];
        double[] open = new double[rows], high = new double[rows], low = new double[rows], close = new double[rows];
        double price = 100;
        for (int i = 0; i < rows; i++)
        {
            ts[i] = start + (i / 500 * 60_000_000L);
            symbol[i] = symbols[i % 500];
            price = Math.Max(1, price * (1 + ((rng.NextDouble() - 0.5) * 0.002)));
            open[i] = Math.Round(price, 4);
            close[i] = Math.Round(price * (1 + ((rng.NextDouble() - 0.5) * 0.001)), 4);
            high[i] = Math.Round(Math.Max(open[i], close[i]) * (1 + (rng.NextDouble() * 0.0005)), 4);
            low[i] = Math.Round(Math.Min(open[i], close[i]) * (1 - (rng.NextDouble() * 0.0005)), 4);
            volume[i] = rng.Next(100, 1_000_000);
        }

        IReadOnlyList<ParquetColumn> c = Schema.Columns;
        return [
            ColumnBuffer.Create(c[0], ts), ColumnBuffer.Create(c[1], symbol), ColumnBuffer.Create(c[2], open), ColumnBuffer.Create(c[3], high),
            ColumnBuffer.Create(c[4], low), ColumnBuffer.Create(c[5], close), ColumnBuffer.Create(c[6], volume),
        ];
    }

    public static void WriteFile(string path, ColumnBuffer[] table, ParquetCodec codec)
    {
        using var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new ParquetWriter(fs, Schema, new ParquetWriterOptions { Codec = codec, WritePageChecksums = false });
        writer.Write(table);
        writer.Complete();
    }

    /// <summary>Reads every row group and column; returns a checksum so nothing is optimised away.</summary>
    public static long ReadAll(string path)
    {
        using ParquetReader reader = ParquetReader.Open(path);
        long check = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            RowGroupBatch b = reader.ReadRowGroup(g);
            check += b.RowCount + b.Columns[0].Int64s![0] + b.Columns[1].Strings![b.RowCount - 1]!.Length + (long)b.Columns[5].Doubles![0];
        }

        return check;
    }
}
