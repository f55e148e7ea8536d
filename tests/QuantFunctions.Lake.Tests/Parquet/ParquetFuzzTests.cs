using QuantFunctions.Lake.Parquet;
using QuantFunctions.Lake.Tests.Parquet.Fuzzing;
using QuantFunctions.Testing;
using Xunit.Abstractions;

namespace QuantFunctions.Lake.Tests.Parquet;

/// <summary>
/// Seeded fuzzing that reaches the decoders (issue 12 item 4): structure-aware mutations of page content, page headers
/// and the footer with page CRCs recomputed, raw byte damage, and hand-built hostile pages (<see cref="ParquetMutator"/>)
/// over seeds in every codec and encoding (<see cref="FuzzCorpus"/>). Every case must end in a typed error
/// (<see cref="ParquetFormatException"/>, <see cref="ParquetNotSupportedException"/>) or a read whose every column holds
/// the row group's rows; and the bytes the case allocated (<see cref="GC.GetAllocatedBytesForCurrentThread"/>) must stay
/// under the read budget plus the footer's parse, which the budget does not cover.
/// </summary>
public sealed class ParquetFuzzTests(ITestOutputHelper output)
{
    /// <summary>The fuzz reads' budget: far above what the seeds need (≈ 0.2 MiB), far below what hostile cases declare.</summary>
    private const long Budget = 8L << 20;

    /// <summary>Allocations outside the budget: the footer's Thrift objects and schema (bounded by the seeds' small footers), reader and error objects.</summary>
    private const long FooterSlack = 1L << 20;

    private static readonly ParquetReaderOptions Options = new() { MaxReadBytes = Budget };

    [Fact]
    public void Read_Seeds_ReadBackTheirRows()
    {
        foreach (FuzzSeed seed in FuzzCorpus.Build())
        {
            Assert.Equal(seed.ExpectedRows, ReadRows(seed.File, seed.Name));
        }
    }

    [Fact]
    public void Read_MutatedSeeds_TypedErrorOrCompleteReadWithinBudget()
    {
        FuzzSummary summary = Fuzz(FuzzCorpus.Build().ConvertAll(s => (s.Name, s.File)), cases: 5_600, seed: 20261205);

        output.WriteLine(summary.ToString());
        Assert.Equal(5_600, summary.Cases);
        Assert.InRange(summary.MaxAllocated, 0, Budget + FooterSlack);
        Assert.True(summary.BudgetRefusals > 0, "hostile declared sizes must meet the budget");
        Assert.True(summary.DecoderErrors > 1_000, "mutations must reach the page and value decoders, not stop at CRCs");
        Assert.Equal(0, summary.CrcErrorsWithRecomputedCrc);
        Assert.True(summary.CompleteReads > 500, "some mutations leave a readable file");
    }

    [SharedDataFact]
    public void Read_MutatedApacheFiles_TypedErrorOrCompleteReadWithinBudget()
    {
        string[] names = ["alltypes_plain.parquet", "alltypes_dictionary.parquet", "datapage_v2_empty_datapage.snappy.parquet", "delta_binary_packed.parquet",
            "delta_byte_array.parquet", "delta_length_byte_array.parquet", "rle_boolean_encoding.parquet", "int32_with_null_pages.parquet",
            "fixed_length_decimal.parquet", "int96_from_spark.parquet", "byte_stream_split.zstd.parquet", "lz4_raw_compressed.parquet",
            "float16_nonzeros_and_nans.parquet", "fixed_length_byte_array.parquet"];
        var files = new List<(string, byte[])>();
        foreach (string n in names)
        {
            files.Add((n, File.ReadAllBytes(SharedData.PathOf("data", "parquet-testing", "data", n))));
        }

        FuzzSummary summary = Fuzz(files, cases: 1_200, seed: 7);

        output.WriteLine(summary.ToString());
        Assert.InRange(summary.MaxAllocated, 0, Budget + FooterSlack);
        Assert.Equal(0, summary.CrcErrorsWithRecomputedCrc);
    }

    private static FuzzSummary Fuzz(List<(string Name, byte[] File)> seeds, int cases, int seed)
    {
        var rng = new Random(seed);
        var mutator = new ParquetMutator(rng);
        var summary = new FuzzSummary();
        for (int k = 0; k < cases; k++)
        {
            (string name, byte[] original) = seeds[k % seeds.Count];
            (byte[] data, FuzzMutation kind, string how) = mutator.Mutate(original);
            string label = $"case {k} (seed {seed}, {name}: {kind}, {how})";
            long before = GC.GetAllocatedBytesForCurrentThread();
            Exception? error = ReadAll(data, label);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated <= Budget + FooterSlack, $"{label} allocated {allocated} bytes, over the {Budget}-byte budget + {FooterSlack}");
            summary.Record(kind, error, allocated);
        }

        return summary;
    }

    /// <returns>null after a complete read; the typed error otherwise (any other exception fails the case).</returns>
    private static Exception? ReadAll(byte[] data, string label)
    {
        try
        {
            using ParquetReader reader = ParquetReader.Open(data, "fuzz.parquet", Options);
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                RowGroupBatch batch = reader.ReadRowGroup(g);
                foreach (ColumnBuffer c in batch.Columns)
                {
                    Assert.True(c.Length == batch.RowCount && c.Values.Length >= c.Length && (c.Validity is null || c.Validity.Length >= c.Length), $"{label}: column '{c.Column.Name}' does not hold the row group's rows");
                    Assert.True(c.Column.Nullable || c.NullCount == 0, $"{label}: REQUIRED column '{c.Column.Name}' came back with nulls");
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is ParquetFormatException or ParquetNotSupportedException)
        {
            return ex;
        }
        catch (Exception ex)
        {
            Assert.Fail($"{label}: {ex.GetType().Name} escaped: {ex.Message}\n{ex.StackTrace}");
            throw;
        }
    }

    private static List<string> ReadRows(byte[] file, string name)
    {
        var rows = new List<string>();
        using ParquetReader reader = ParquetReader.Open(file, name, Options);
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            rows.AddRange(SampleTables.CanonicalRows(reader.ReadRowGroup(g).Columns));
        }

        return rows;
    }
}
