using QuantFunctions.Lake.Parquet;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Parquet;

/// <summary>
/// Seeded corruption of valid files (bit flips, byte overwrites, truncation): every case must end in a
/// correct read or a typed error (<see cref="ParquetFormatException"/> / <see cref="ParquetNotSupportedException"/>),
/// never another exception, a hang or an out-of-memory.
/// </summary>
public sealed class ParquetFuzzTests
{
    [Fact]
    public void Read_CorruptedWrittenFiles_OnlyTypedErrors()
    {
        var files = new List<byte[]>();
        foreach (ParquetCodec codec in new[] { ParquetCodec.Uncompressed, ParquetCodec.Snappy, ParquetCodec.Gzip, ParquetCodec.Brotli, ParquetCodec.Zstd, ParquetCodec.Lz4Raw })
        {
            files.Add(SampleTables.Write(SampleTables.AllTypes, SampleTables.AllTypesRows(300, seed: 11),
                new ParquetWriterOptions { Codec = codec, RowGroupRows = 120, DataPageBytes = 1024 }));
        }

        (int typed, int ok) = Fuzz(files, cases: 1200, seed: 20261121);

        Assert.Equal(1200, typed + ok);
        Assert.True(typed > 0, "some corruptions must be detected");
    }

    [SharedDataFact]
    public void Read_CorruptedApacheFiles_OnlyTypedErrors()
    {
        string[] names = ["alltypes_plain.parquet", "alltypes_dictionary.parquet", "datapage_v2_empty_datapage.snappy.parquet", "delta_binary_packed.parquet",
            "delta_byte_array.parquet", "rle_boolean_encoding.parquet", "int32_with_null_pages.parquet", "fixed_length_decimal.parquet", "int96_from_spark.parquet"];
        var files = new List<byte[]>();
        foreach (string n in names)
        {
            files.Add(File.ReadAllBytes(SharedData.PathOf("data", "parquet-testing", "data", n)));
        }

        (int typed, int ok) = Fuzz(files, cases: 900, seed: 7);

        Assert.Equal(900, typed + ok);
    }

    private static (int Typed, int Ok) Fuzz(List<byte[]> files, int cases, int seed)
    {
        var rng = new Random(seed);
        int typed = 0, ok = 0;
        for (int k = 0; k < cases; k++)
        {
            byte[] original = files[k % files.Count];
            byte[] data = Mutate(original, rng, out string how);
            Task<bool> run = Task.Run(() => ReadAll(data));
            Assert.True(run.Wait(TimeSpan.FromSeconds(30)), $"case {k} ({how}) did not finish: hang");
            if (run.Result)
            {
                ok++;
            }
            else
            {
                typed++;
            }
        }

        return (typed, ok);
    }

    private static byte[] Mutate(byte[] original, Random rng, out string how)
    {
        byte[] data = (byte[])original.Clone();
        int kind = rng.Next(4);
        if (kind == 0)
        {
            int len = rng.Next(data.Length);
            how = $"truncate to {len}";
            return data[..len];
        }

        int flips = 1 + rng.Next(3);
        how = $"{flips} change(s)";
        for (int f = 0; f < flips; f++)
        {
            // Half of the changes land in the last quarter (footer and its length), the rest anywhere.
            int pos = rng.Next(2) == 0 ? data.Length - 1 - rng.Next(Math.Max(1, data.Length / 4)) : rng.Next(data.Length);
            if (kind == 1)
            {
                data[pos] ^= (byte)(1 << rng.Next(8));
            }
            else
            {
                data[pos] = (byte)rng.Next(256);
            }

            how += $" @{pos}";
        }

        return data;
    }

    /// <returns>true when the file was read completely, false on a typed error.</returns>
    private static bool ReadAll(byte[] data)
    {
        try
        {
            using ParquetReader reader = ParquetReader.Open(data, "fuzz.parquet");
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                RowGroupBatch b = reader.ReadRowGroup(g);
                foreach (ColumnBuffer c in b.Columns)
                {
                    _ = c.NullCount;
                }
            }

            return true;
        }
        catch (ParquetFormatException)
        {
            return false;
        }
        catch (ParquetNotSupportedException)
        {
            return false;
        }
    }
}
