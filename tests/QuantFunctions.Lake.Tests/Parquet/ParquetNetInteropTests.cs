using System.Globalization;
using Parquet.Serialization;
using QuantFunctions.Lake.Parquet;
using CompressionMethod = global::Parquet.CompressionMethod;
using PqNetOptions = global::Parquet.ParquetOptions;
using PqNetSchema = global::Parquet.Schema;

namespace QuantFunctions.Lake.Tests.Parquet;

/// <summary>
/// Parquet.Net 6.1.0 as an oracle (an independent .NET implementation): it reads every table our writer produces
/// (every writable column kind, nulls, dictionary and PLAIN fallback, several row groups, every codec) with
/// identical values, and we read what it writes with every codec it writes.
/// </summary>
public sealed class ParquetNetInteropTests
{
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(ParquetCodec.Uncompressed, true)]
    [InlineData(ParquetCodec.Snappy, true)]
    [InlineData(ParquetCodec.Snappy, false)]
    [InlineData(ParquetCodec.Gzip, true)]
    [InlineData(ParquetCodec.Brotli, true)]
    [InlineData(ParquetCodec.Zstd, true)]
    [InlineData(ParquetCodec.Zstd, false)]
    [InlineData(ParquetCodec.Lz4Raw, true)]
    public async Task ParquetNet_ReadsOurFile_IdenticalValues(ParquetCodec codec, bool dictionary)
    {
        ColumnBuffer[] columns = SampleTables.AllTypesRows(3000, seed: 17);
        // Parquet.Net reads DATE as DateTime: keep the days inside 0001..9999 (ours span -800,000..2,900,000 days).
        int dayIndex = SampleTables.AllTypes.IndexOf("day");
        int[] days = (int[])columns[dayIndex].Values.Clone();
        for (int i = 0; i < days.Length; i++)
        {
            days[i] = (((days[i] % 700_000) + 700_000) % 1_400_000) - 700_000;
        }

        columns[dayIndex] = ColumnBuffer.Create(columns[dayIndex].Column, days, columns[dayIndex].Validity);
        byte[] file = SampleTables.Write(SampleTables.AllTypes, columns,
            new ParquetWriterOptions { Codec = codec, RowGroupRows = 1000, DataPageBytes = 4096, DictionaryPageBytes = 8192, EnableDictionary = dictionary });

        using var ms = new MemoryStream(file);
        var result = await ParquetSerializer.DeserializeUntypedAsync(ms, new PqNetOptions());
        List<IDictionary<string, object?>> rows = Rows(result.Data);

        Assert.Equal(3000, rows.Count);
        for (int c = 0; c < SampleTables.AllTypes.Columns.Count; c++)
        {
            ParquetColumn col = SampleTables.AllTypes.Columns[c];
            for (int r = 0; r < rows.Count; r++)
            {
                string ours = Ours(columns[c], r);
                string theirs = Theirs(col, rows[r].TryGetValue(col.Name, out object? v) ? v : null);
                if (ours != theirs)
                {
                    Assert.Fail($"{codec}: column {col.Name} row {r}: we wrote {ours}, Parquet.Net read {theirs}");
                }
            }
        }
    }

    [Theory]
    [InlineData(CompressionMethod.None)]
    [InlineData(CompressionMethod.Snappy)]
    [InlineData(CompressionMethod.Gzip)]
    [InlineData(CompressionMethod.Brotli)]
    [InlineData(CompressionMethod.LZ4)]
    [InlineData(CompressionMethod.Zstd)]
    [InlineData(CompressionMethod.Lz4Raw)]
    public async Task Read_ParquetNetFile_IdenticalValues(CompressionMethod method)
    {
        const int n = 2500;
        var schema = new PqNetSchema.ParquetSchema(
            new PqNetSchema.DataField<int>("id"),
            new PqNetSchema.DataField<long?>("volume"),
            new PqNetSchema.DataField<double>("close"),
            new PqNetSchema.DataField<float?>("score"),
            new PqNetSchema.DataField<bool?>("flag"),
            new PqNetSchema.DataField<string>("symbol"),
            new PqNetSchema.DataField<DateTime>("ts"),
            new PqNetSchema.DecimalDataField("price", 18, 4));
        var rng = new Random(3);
        var data = new List<IDictionary<string, object?>>(n);
        for (int i = 0; i < n; i++)
        {
            data.Add(new Dictionary<string, object?>
            {
                ["id"] = i,
                ["volume"] = i % 7 == 3 ? null : (long)rng.Next() * 1000,
                ["close"] = i == 5 ? double.NaN : rng.NextDouble() * 100,
                ["score"] = i % 5 == 0 ? null : (float)rng.NextDouble(),
                ["flag"] = i % 11 == 0 ? null : rng.Next(2) == 1,
                ["symbol"] = i % 13 == 0 ? null : "SYM" + (i % 17).ToString(CultureInfo.InvariantCulture),
                ["ts"] = Epoch.AddMilliseconds(1_700_000_000_000L + (i * 86_400_000L)),
                ["price"] = Math.Round((decimal)(rng.NextDouble() * 10_000), 4),
            });
        }

        using var ms = new MemoryStream();
        await ParquetSerializer.SerializeUntypedAsync(data, schema, ms, new PqNetOptions { CompressionMethod = method, RowGroupSize = 1000 });

        using ParquetReader reader = ParquetReader.Open(ms.ToArray(), $"parquet-net-{method}.parquet");
        Assert.Equal(n, reader.RowCount);
        var ours = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            RowGroupBatch batch = reader.ReadRowGroup(g);
            for (int c = 0; c < reader.Schema.Columns.Count; c++)
            {
                ColumnBuffer buffer = batch.Columns[c];
                List<string> list = ours.TryGetValue(buffer.Column.Name, out List<string>? l) ? l : ours[buffer.Column.Name] = [];
                for (int r = 0; r < buffer.Length; r++)
                {
                    list.Add(Ours(buffer, r));
                }
            }
        }

        foreach (ParquetColumn col in reader.Schema.Columns)
        {
            for (int r = 0; r < n; r++)
            {
                string expected = Theirs(col, data[r][col.Name]);
                if (ours[col.Name][r] != expected)
                {
                    Assert.Fail($"{method}: column {col.Name} row {r}: Parquet.Net wrote {expected}, we read {ours[col.Name][r]}");
                }
            }
        }
    }

    private static List<IDictionary<string, object?>> Rows(object data)
    {
        var list = new List<IDictionary<string, object?>>();
        foreach (object row in (System.Collections.IEnumerable)data)
        {
            list.Add((IDictionary<string, object?>)row);
        }

        return list;
    }

    /// <summary>Our raw value as text: integers/units as stored, floats round-trip, decimals unscaled, binaries hex.</summary>
    private static string Ours(ColumnBuffer buffer, int r)
    {
        if (buffer.Validity is { } valid && !valid[r])
        {
            return "null";
        }

        return buffer.Values switch
        {
            bool[] b => b[r] ? "true" : "false",
            int[] i => i[r].ToString(CultureInfo.InvariantCulture),
            long[] l => l[r].ToString(CultureInfo.InvariantCulture),
            float[] f => f[r].ToString("R", CultureInfo.InvariantCulture),
            double[] d => d[r].ToString("R", CultureInfo.InvariantCulture),
            string?[] s => s[r] is null ? "null" : "s:" + s[r],
            byte[]?[] bytes => bytes[r] is null ? "null" : Convert.ToHexString(bytes[r]!),
            _ => throw new InvalidOperationException(buffer.Values.GetType().Name),
        };
    }

    /// <summary>Parquet.Net's CLR value converted to our raw units for <paramref name="col"/>.</summary>
    private static string Theirs(ParquetColumn col, object? v)
    {
        if (v is null)
        {
            return "null";
        }

        return v switch
        {
            bool b => b ? "true" : "false",
            int i => i.ToString(CultureInfo.InvariantCulture),
            long l => l.ToString(CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            string s => "s:" + s,
            ReadOnlyMemory<char> chars => "s:" + chars.ToString(),
            byte[] bytes => Convert.ToHexString(bytes),
            ReadOnlyMemory<byte> mem => Convert.ToHexString(mem.Span),
            DateOnly day => (day.DayNumber - DateOnly.FromDateTime(Epoch).DayNumber).ToString(CultureInfo.InvariantCulture),
            DateTime dt when col.Kind == ParquetValueKind.Date => ((dt.Ticks - Epoch.Ticks) / TimeSpan.TicksPerDay).ToString(CultureInfo.InvariantCulture),
            DateTime dt when col.PhysicalType == ParquetPhysicalType.Int96 => Int96(dt.Ticks),
            DateTime dt => Units(dt.Ticks - Epoch.Ticks, col.Unit),
            DateTimeOffset dto => Units(dto.UtcTicks - Epoch.Ticks, col.Unit),
            decimal m => decimal.Truncate(m * Pow10(col.Scale)).ToString(CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException($"{col.Name}: {v.GetType().Name}"),
        };
    }

    /// <summary>Parquet.Net writes DateTime as legacy INT96: 8-byte LE nanoseconds of the day + 4-byte LE Julian day.</summary>
    private static string Int96(long ticks)
    {
        byte[] raw = new byte[12];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(raw, ticks % TimeSpan.TicksPerDay * 100);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(raw.AsSpan(8), (int)(ticks / TimeSpan.TicksPerDay) + 1_721_426);
        return Convert.ToHexString(raw);
    }

    private static string Units(long ticks, ParquetTimeUnit unit) => (unit switch
    {
        ParquetTimeUnit.Millis => ticks / TimeSpan.TicksPerMillisecond,
        ParquetTimeUnit.Micros => ticks / 10,
        _ => ticks * 100,
    }).ToString(CultureInfo.InvariantCulture);

    private static decimal Pow10(int scale)
    {
        decimal p = 1;
        for (int i = 0; i < scale; i++)
        {
            p *= 10;
        }

        return p;
    }
}
