using System.Text;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Parquet;

/// <summary>
/// Files written by <see cref="ParquetWriter"/> are read back by DuckDB and hyparquet (pq-compare.mjs) with
/// rows identical to the canonical rows of the values we wrote.
/// </summary>
public sealed class ParquetWriterInteropTests
{
    [SharedDataTheory]
    [InlineData(ParquetCodec.Uncompressed)]
    [InlineData(ParquetCodec.Snappy)]
    [InlineData(ParquetCodec.Gzip)]
    [InlineData(ParquetCodec.Brotli)]
    [InlineData(ParquetCodec.Zstd)]
    [InlineData(ParquetCodec.Lz4Raw)]
    public void Write_AllTypesWithNullsDictionaryAndRowGroups_DuckDbAndHyparquetReadIdenticalRows(ParquetCodec codec)
    {
        using var dir = new TempDirectory("qf-parquet");
        ColumnBuffer[] columns = SampleTables.AllTypesRows(5000, seed: 42);
        var options = new ParquetWriterOptions { Codec = codec, RowGroupRows = 1500, DataPageBytes = 4096, DictionaryPageBytes = 8192 };
        byte[] file = SampleTables.Write(SampleTables.AllTypes, columns, options);
        string path = dir.Combine("all_types.parquet");
        File.WriteAllBytes(path, file);
        string expected = dir.Combine("all_types.expected.json");
        WriteExpected(expected, SampleTables.AllTypes, SampleTables.CanonicalRows(columns));

        (int exit, string stdout, string stderr) = ParquetKit.Run("pq-compare.mjs", path, expected);

        Assert.True(exit == 0, $"pq-compare failed ({exit}):\n{stdout}\n{stderr}");
        Assert.StartsWith("OK", stdout, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void Write_Statistics_DuckDbSeesMinMaxAndNullCount()
    {
        using var dir = new TempDirectory("qf-parquet");
        var schema = new ParquetSchema([ParquetColumn.Int32("x", nullable: true), ParquetColumn.String("s")]);
        int[] x = [5, -7, 0, 12, 3];
        bool[] valid = [true, true, false, true, true];
        string?[] s = ["pear", "apple", "zebra", "mango", "kiwi"];
        byte[] file = SampleTables.Write(schema, [ColumnBuffer.Create(schema.Columns[0], x, valid), ColumnBuffer.Create(schema.Columns[1], s)], new ParquetWriterOptions());
        string path = dir.Combine("stats.parquet");
        File.WriteAllBytes(path, file);

        (int exit, string stdout, string stderr) = ParquetKit.Run("pq-inspect.mjs", path, "--compact");

        Assert.True(exit == 0, stderr);
        // Hand-computed: x over non-null {5,-7,12,3} → min -7, max 12, one null; s → "apple".."zebra".
        string compact = stdout.Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("\"min_value\":\"-7\",\"max_value\":\"12\"", compact, StringComparison.Ordinal);
        Assert.Contains("\"null_count\":1", compact, StringComparison.Ordinal);
        Assert.Contains("\"min_value\":\"apple\",\"max_value\":\"zebra\"", compact, StringComparison.Ordinal);
    }

    internal static void WriteExpected(string path, ParquetSchema schema, IReadOnlyList<string> rows)
    {
        var sb = new StringBuilder("{\n\"format\": \"pq-canonical/1\",\n\"columns\": [\n");
        for (int c = 0; c < schema.Columns.Count; c++)
        {
            ParquetColumn col = schema.Columns[c];
            sb.Append("{\"name\":").Append(CanonicalJson.JsonString(col.Name)).Append(",\"kind\":\"").Append(CanonicalJson.Kind(col)).Append("\"}")
              .Append(c + 1 < schema.Columns.Count ? ",\n" : "\n");
        }

        sb.Append("],\n\"rows\": [\n").AppendJoin(",\n", rows).Append("\n]\n}\n");
        File.WriteAllText(path, sb.ToString());
    }
}
