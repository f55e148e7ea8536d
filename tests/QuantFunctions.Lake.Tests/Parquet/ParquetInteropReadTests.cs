using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Parquet;

/// <summary>
/// Reads every curated apache/parquet-testing file and every kit fixture and compares the canonical rows
/// with the DuckDB-produced .expected.json beside it (shared/data/parquet-testing/INDEX.md).
/// </summary>
public sealed class ParquetInteropReadTests
{
    /// <summary>Files that use features outside the codec's scope, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> Unsupported = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["nullable.impala.parquet"] = "nested schema (lists, maps, structs)",
        ["datapage_v2.snappy.parquet"] = "nested schema (column e is LIST<INT32>)",
    };

    /// <summary>Files whose page checksums are deliberately wrong.</summary>
    private static readonly HashSet<string> CorruptChecksum = new(StringComparer.Ordinal)
    {
        "datapage_v1-corrupt-checksum.parquet",
        "rle-dict-uncompressed-corrupt-checksum.parquet",
    };

    public static TheoryData<string> TestingFiles() => Files("parquet-testing", "data");

    public static TheoryData<string> FixtureFiles() => Files("parquet-fixtures");

    private static TheoryData<string> Files(params string[] folder)
    {
        var data = new TheoryData<string>();
        if (!SharedData.IsAvailable)
        {
            data.Add("(shared data absent)");
            return data;
        }

        foreach (string f in Directory.GetFiles(SharedData.PathOf(["data", .. folder]), "*.parquet").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    [SharedDataTheory]
    [MemberData(nameof(TestingFiles))]
    public Task Read_ParquetTestingFile_MatchesDuckDbExpectedRows(string file) => CheckFile(SharedData.PathOf("data", "parquet-testing", "data", file));

    [SharedDataTheory]
    [MemberData(nameof(FixtureFiles))]
    public Task Read_KitFixture_MatchesDuckDbExpectedRows(string file) => CheckFile(SharedData.PathOf("data", "parquet-fixtures", file));

    [SharedDataTheory]
    [InlineData("PARQUET-1481.parquet")]
    [InlineData("ARROW-RS-GH-6229-DICTHEADER.parquet")]
    [InlineData("ARROW-GH-47662.parquet")]
    public async Task Read_BadDataFile_ThrowsParquetFormatException(string file)
    {
        string path = SharedData.PathOf("data", "parquet-testing", "bad_data", file);
        var ex = await Assert.ThrowsAsync<ParquetFormatException>(() => ExpectedDocument.ReadCanonicalAsync(path));
        Assert.Equal(file, ex.File);
        Assert.NotNull(ex.Offset);
    }

    [SharedDataTheory]
    [InlineData("datapage_v1-corrupt-checksum.parquet")]
    [InlineData("rle-dict-uncompressed-corrupt-checksum.parquet")]
    public async Task Read_CorruptPageChecksum_ThrowsNamingTheColumn(string file)
    {
        string path = SharedData.PathOf("data", "parquet-testing", "data", file);
        var ex = await Assert.ThrowsAsync<ParquetFormatException>(() => ExpectedDocument.ReadCanonicalAsync(path));
        Assert.Contains("CRC", ex.Reason, StringComparison.Ordinal);
        Assert.NotNull(ex.Column);
        Assert.Equal(0, ex.RowGroup);
    }

    [SharedDataFact]
    public async Task Read_HivePartitionedDataset_EachPartFileMatchesItsRows()
    {
        // hive.expected.json lists the rows of the three part files in path order, with the partition
        // column last; the partition value comes from the folder name, so compare the stored columns only.
        string root = SharedData.PathOf("data", "parquet-fixtures", "hive");
        ExpectedDocument expected = ExpectedDocument.Load(SharedData.PathOf("data", "parquet-fixtures", "hive.expected.json"));
        var rows = new List<string>();
        foreach (string f in Directory.GetFiles(root, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            rows.AddRange((await ExpectedDocument.ReadCanonicalAsync(f)).Rows);
        }

        Assert.Equal(expected.Rows.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            string stored = expected.Rows[i][..expected.Rows[i].LastIndexOf(',')] + "]";
            Assert.Equal(stored, rows[i]);
        }
    }

    private static async Task CheckFile(string path)
    {
        string file = Path.GetFileName(path);
        if (Unsupported.TryGetValue(file, out string? why))
        {
            var ex = await Assert.ThrowsAsync<ParquetNotSupportedException>(() => ExpectedDocument.ReadCanonicalAsync(path));
            Assert.Equal(ErrorCodes.ParquetUnsupported, ex.Code);
            Assert.Contains(why.Split(' ')[0], ex.Message, StringComparison.Ordinal);
            Assert.Equal(file, ex.File);
            return;
        }

        var options = CorruptChecksum.Contains(file) ? new ParquetReaderOptions { VerifyChecksums = false } : null;
        ExpectedDocument expected = ExpectedDocument.Load(Path.ChangeExtension(path, null) + ".expected.json");
        (ParquetSchema schema, List<string> rows) = await ExpectedDocument.ReadCanonicalAsync(path, options);
        Assert.Equal(expected.Columns.Count, schema.Columns.Count);
        for (int c = 0; c < schema.Columns.Count; c++)
        {
            Assert.Equal(expected.Columns[c], (schema.Columns[c].Name, CanonicalJson.Kind(schema.Columns[c])));
        }

        Assert.Equal(expected.NumRows, rows.Count);
        int compare = file == "int96_from_spark.parquet" ? 5 : rows.Count; // row 5 overflowed in Spark; see INDEX.md
        for (int r = 0; r < compare; r++)
        {
            Assert.True(expected.Rows[r] == rows[r], $"{file} row {r}:\n expected {expected.Rows[r]}\n actual   {rows[r]}");
        }

        if (compare == rows.Count)
        {
            Assert.Equal(expected.RowsSha256, CanonicalJson.Sha256(rows));
        }
    }
}
