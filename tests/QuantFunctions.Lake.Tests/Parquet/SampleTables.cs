using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Lake.Tests.Parquet;

/// <summary>Deterministic test tables (seeded) covering every writable type, nulls and special values.</summary>
internal static class SampleTables
{
    public static readonly ParquetSchema AllTypes = new([
        ParquetColumn.Int64("id"),
        ParquetColumn.Boolean("flag", nullable: true),
        ParquetColumn.Int32("i32", nullable: true),
        ParquetColumn.Int32("level"),
        ParquetColumn.Float("f32", nullable: true),
        ParquetColumn.Double("f64"),
        ParquetColumn.String("sym", nullable: true),
        ParquetColumn.String("text"),
        ParquetColumn.Binary("bin", nullable: true),
        ParquetColumn.Date("day", nullable: true),
        ParquetColumn.Timestamp("ts_ms", ParquetTimeUnit.Millis, isAdjustedToUtc: true),
        ParquetColumn.Timestamp("ts_us", ParquetTimeUnit.Micros, isAdjustedToUtc: false, nullable: true),
        ParquetColumn.Timestamp("ts_ns", ParquetTimeUnit.Nanos, isAdjustedToUtc: true, nullable: true),
        ParquetColumn.Decimal("dec9", 9, 2, nullable: true),
        ParquetColumn.Decimal("dec18", 18, 4),
    ]);

    private static readonly string[] Symbols = ["AAPL", "MSFT", "Ünïcødé", "tab\there", "quote\"s", "", "back\\slash", "new\nline", "€uro", "😀"];

    private static readonly float[] SpecialFloats = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0.0f, 0.0f, 0.1f, float.Epsilon, float.MaxValue];

    private static readonly double[] SpecialDoubles = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.0, 0.1, 1e21, 1e-7, double.Epsilon, double.MaxValue];

    public static ColumnBuffer[] AllTypesRows(int n, int seed)
    {
        var rng = new Random(seed);
        IReadOnlyList<ParquetColumn> c = AllTypes.Columns;
        long[] id = new long[n];
        bool[] flag = new bool[n], flagValid = new bool[n];
        int[] i32 = new int[n], level = new int[n];
        bool[] i32Valid = new bool[n];
        float[] f32 = new float[n];
        bool[] f32Valid = new bool[n];
        double[] f64 = new double[n];
        string?[] sym = new string?[n], text = new string?[n];
        byte[]?[] bin = new byte[]?[n];
        int[] day = new int[n];
        bool[] dayValid = new bool[n];
        long[] tsMs = new long[n], tsUs = new long[n], tsNs = new long[n];
        bool[] tsUsValid = new bool[n], tsNsValid = new bool[n], dec9Valid = new bool[n];
        int[] dec9 = new int[n];
        long[] dec18 = new long[n];
        for (int i = 0; i < n; i++)
        {
            id[i] = i - 3 + (i == 1 ? long.MinValue + 3 : 0) + (i == 2 ? long.MaxValue - 2 : 0);
            flagValid[i] = i % 7 != 3;
            flag[i] = flagValid[i] && rng.Next(2) == 1;
            i32Valid[i] = i % 5 != 0;
            i32[i] = i32Valid[i] ? (i == 1 ? int.MinValue : i == 2 ? int.MaxValue : rng.Next(int.MinValue, int.MaxValue)) : 0;
            level[i] = rng.Next(4);
            f32Valid[i] = i % 11 != 10;
            f32[i] = f32Valid[i] ? (i < SpecialFloats.Length ? SpecialFloats[i] : (float)(rng.NextDouble() * 1000 - 500)) : 0;
            f64[i] = i < SpecialDoubles.Length ? SpecialDoubles[i] : rng.NextDouble() * 2e6 - 1e6;
            sym[i] = i % 13 == 12 ? null : Symbols[rng.Next(Symbols.Length)];
            text[i] = $"row-{i}-{rng.Next():x8}-é";
            bin[i] = i % 9 == 4 ? null : BitConverter.GetBytes(rng.Next());
            dayValid[i] = i % 17 != 16;
            day[i] = dayValid[i] ? rng.Next(-800_000, 2_900_000) : 0;
            tsMs[i] = (long)((rng.NextDouble() * 4e12) - 1e12);
            tsUsValid[i] = i % 6 != 5;
            tsUs[i] = tsUsValid[i] ? (long)((rng.NextDouble() * 4e15) - 1e15) : 0;
            tsNsValid[i] = i % 8 != 7;
            // Whole microseconds: DuckDB 1.5.6 reads TIMESTAMP(NANOS, UTC) as microseconds (kit README, Quirks).
            tsNs[i] = tsNsValid[i] ? (long)((rng.NextDouble() * 4e15) - 2e15) * 1000 : 0;
            dec9Valid[i] = i % 10 != 9;
            dec9[i] = dec9Valid[i] ? rng.Next(-999_999_999, 999_999_999) : 0;
            dec18[i] = (long)((rng.NextDouble() * 2e17) - 1e17);
        }

        return [
            ColumnBuffer.Create(c[0], id),
            ColumnBuffer.Create(c[1], flag, flagValid),
            ColumnBuffer.Create(c[2], i32, i32Valid),
            ColumnBuffer.Create(c[3], level),
            ColumnBuffer.Create(c[4], f32, f32Valid),
            ColumnBuffer.Create(c[5], f64),
            ColumnBuffer.Create(c[6], sym),
            ColumnBuffer.Create(c[7], text),
            ColumnBuffer.Create(c[8], bin),
            ColumnBuffer.Create(c[9], day, dayValid),
            ColumnBuffer.Create(c[10], tsMs),
            ColumnBuffer.Create(c[11], tsUs, tsUsValid),
            ColumnBuffer.Create(c[12], tsNs, tsNsValid),
            ColumnBuffer.Create(c[13], dec9, dec9Valid),
            ColumnBuffer.Create(c[14], dec18),
        ];
    }

    public static byte[] Write(ParquetSchema schema, IReadOnlyList<ColumnBuffer> columns, ParquetWriterOptions options)
    {
        using var ms = new MemoryStream();
        using (var writer = new ParquetWriter(ms, schema, options))
        {
            writer.Write(columns);
            writer.Complete();
        }

        return ms.ToArray();
    }

    public static List<string> CanonicalRows(IReadOnlyList<ColumnBuffer> columns)
    {
        var batch = new RowGroupBatch(-1, columns[0].Length, columns);
        var rows = new List<string>(batch.RowCount);
        for (int r = 0; r < batch.RowCount; r++)
        {
            rows.Add(CanonicalJson.RowLine(batch, r));
        }

        return rows;
    }
}
