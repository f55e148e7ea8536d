using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Datasets;

public sealed class ReturnsFileReaderTests
{
    private static Task<ReturnPanel> Csv(string text) => ReturnsFileReader.ReadCsvAsync(new StringReader(text), "r.csv");

    [Fact]
    public async Task ReadCsvAsync_DateIndexAndEmptyCells_IndexSeparatedAndMissingIsNaN()
    {
        ReturnPanel f = await Csv("date,A,B\n2024-01-01,0.01,\n2024-01-02,-0.02,0.5\n");
        Assert.Equal(["A", "B"], f.Columns);
        Assert.Equal("date", f.RowLabels!.Name);
        Assert.Equal(["2024-01-01", "2024-01-02"], f.RowLabels!.Labels);
        Assert.Equal(2, f.RowCount);
        // Column-major: A = [0.01, -0.02], B = [NaN, 0.5] — the empty cell is missing, never zero.
        double[] v = f.Values.ToArray();
        Assert.Equal(0.01, v[0]);
        Assert.Equal(-0.02, v[1]);
        Assert.True(double.IsNaN(v[2]));
        Assert.Equal(0.5, v[3]);
    }

    [Fact]
    public async Task ReadCsvAsync_UnnamedFirstColumnOfDates_DetectedAsIndexByParse()
    {
        ReturnPanel f = await Csv("when,A\n2024-01-01T00:00:00Z,1e-3\n2024-01-02T00:00:00Z,2e-3\n");
        Assert.Equal("when", f.RowLabels!.Name);
        Assert.Equal(["A"], f.Columns);
        Assert.Equal([1e-3, 2e-3], f.Values.ToArray());
    }

    [Fact]
    public async Task ReadCsvAsync_NoIndexAndQuotedHeader_AllColumnsAreAssets()
    {
        ReturnPanel f = await Csv("\"A, Inc.\",B\n0.1,0.2\n\"0.3\",0.4\n");
        Assert.Null(f.RowLabels);
        Assert.Equal(["A, Inc.", "B"], f.Columns);
        Assert.Equal([0.1, 0.3, 0.2, 0.4], f.Values.ToArray());
    }

    [Fact]
    public async Task ReadCsvAsync_MalformedCell_NamesFileLineAndColumn()
    {
        var ex = await Assert.ThrowsAsync<DatasetSchemaException>(() => Csv("date,A,B\n2024-01-01,0.1,0.2\n2024-01-02,0.1,abc\n"));
        Assert.StartsWith("r.csv:3:3:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'B'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A,B\n0.1\n", "r.csv:2: the row has 1 fields but the header has 2")]
    [InlineData("A,B\n0.1,\n0.2,\n", "column 'B' (column 2) has no values")]
    [InlineData("A,A\n0.1,0.2\n", "duplicate column 'A' (columns 1 and 2)")]
    [InlineData("A,B\n", "no data rows")]
    [InlineData("", "the file is empty")]
    [InlineData("A\n1e999\n", "r.csv:2:1: '1e999' in column 'A' is infinite")]
    [InlineData("A,B\n0.1,0.2\n0.3\n0.5,0.6\n", "r.csv:3: the row has 1 fields but the header has 2")] // ragged
    [InlineData("A,B\n0.1,0.2,0.9\n", "r.csv:2: the row has 3 fields but the header has 2")]
    [InlineData("A,B\n0.1,\"0.2\n0.3,0.4\n", "r.csv:2:2: unterminated quote")]
    [InlineData("A,B\n0.1,0.2\n0.3,\"0.4", "r.csv:3:2: unterminated quote")]
    [InlineData("\n \n", "the file is empty")]
    [InlineData("date,A\n2024-01-01,\n2024-01-02,0.1\n2024-01-03,0.1%\n", "r.csv:4:2: '0.1%' in column 'A' is not a number")]
    public async Task ReadCsvAsync_UnusableContent_ThrowsNamingTheProblem(string text, string expected)
    {
        var ex = await Assert.ThrowsAsync<DatasetSchemaException>(() => Csv(text));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(40)]
    [InlineData(3000)]
    public async Task ReadCsvAsync_RowCapacityGrownAndCompacted_EveryValueInItsCell(int rows)
    {
        // The capacity is estimated from the first row's length: a long first row and short later rows make the file
        // hold far more rows than estimated (the buffer doubles, perhaps several times); the margin leaves it larger than
        // needed (the columns are compacted). Either way value (t, j) must be t·10 + j, and NaN where a cell is empty.
        var text = new System.Text.StringBuilder("date,A,B,C\n");
        text.Append("day0,0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000,1,\n");
        for (int t = 1; t < rows; t++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"day{t},{t * 10},{(t * 10) + 1},{(t * 10) + 2}\n");
        }

        ReturnPanel file = await Csv(text.ToString());
        Assert.Equal(rows, file.RowCount);
        Assert.Equal(rows * 3, file.Values.Length);
        for (int t = 0; t < rows; t++)
        {
            Assert.Equal(t * 10, file.Values[t]);
            Assert.Equal((t * 10) + 1, file.Values[rows + t]);
            Assert.Equal(t == 0 ? double.NaN : (t * 10) + 2, file.Values[(2 * rows) + t]);
        }
    }

    [Fact]
    public async Task ReadAsync_CsvFileWithUtf8BomAndCrLf_BomIgnoredAndValuesExact()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("bom.csv");
        await File.WriteAllBytesAsync(path, [.. "\uFEFF"u8, .. "date,A,B\r\n2024-01-01,0.1,-2.5e-3\r\n2024-01-02,,0.3\r\n"u8]);

        ReturnPanel f = await ReturnsFileReader.ReadAsync(path);

        Assert.Equal("date", f.RowLabels!.Name); // not "\uFEFFdate": the BOM is not part of the first name
        Assert.Equal(["A", "B"], f.Columns);
        double[] v = f.Values.ToArray();
        Assert.Equal(0.1, v[0]);
        Assert.True(double.IsNaN(v[1]));
        Assert.Equal([-2.5e-3, 0.3], v[2..]);
    }

    [Fact]
    public async Task ReadAsync_CsvFileInUtf16_RejectedNamingTheEncoding()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("wide.csv");
        await File.WriteAllTextAsync(path, "A,B\n0.1,0.2\n", System.Text.Encoding.Unicode);

        var ex = await Assert.ThrowsAsync<DatasetSchemaException>(() => ReturnsFileReader.ReadAsync(path));

        Assert.Contains("wide.csv:1:1: the file starts with a UTF-16 LE byte order mark", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadCsvAsync_ManyRows_ColumnMajorValuesInFileOrder()
    {
        // More rows than the initial size estimate (a short header): exercises the growth and the blocked transpose.
        var sb = new System.Text.StringBuilder("A,B,C\n");
        for (int t = 0; t < 1000; t++)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{t},{t + 0.5},{-t}\n");
        }

        ReturnPanel f = await Csv(sb.ToString());

        Assert.Equal(1000, f.RowCount);
        double[] v = f.Values.ToArray();
        Assert.Equal(999.0, v[999]);
        Assert.Equal(0.5, v[1000]);
        Assert.Equal(999.5, v[1999]);
        Assert.Equal(-999.0, v[2999]);
    }

    [Fact]
    public async Task ReadAsync_ParquetWithDateIndexAndNull_NullIsNaN()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("r.parquet");
        var schema = new ParquetSchema([new ParquetColumn("date", ParquetValueKind.Date, false), ParquetColumn.Double("A"), ParquetColumn.Double("B", nullable: true)]);
        await using (FileStream fs = File.Create(path))
        await using (var writer = new ParquetWriter(fs, schema))
        {
            await writer.WriteAsync([
                ColumnBuffer.Create(schema.Columns[0], new[] { 19723, 19724 }), // 2024-01-01, 2024-01-02
                ColumnBuffer.Create(schema.Columns[1], new[] { 0.01, -0.02 }),
                ColumnBuffer.Create(schema.Columns[2], new[] { 0.0, 0.5 }, [false, true]),
            ]);
            await writer.CompleteAsync();
        }

        ReturnPanel f = await ReturnsFileReader.ReadAsync(path);
        Assert.Equal(["A", "B"], f.Columns);
        Assert.Equal(["2024-01-01", "2024-01-02"], f.RowLabels!.Labels);
        double[] v = f.Values.ToArray();
        Assert.Equal([0.01, -0.02], v[..2]);
        Assert.True(double.IsNaN(v[2]));
        Assert.Equal(0.5, v[3]);
    }

    [Fact]
    public async Task ReadAsync_UnknownExtension_Throws()
    {
        var ex = await Assert.ThrowsAsync<DatasetSchemaException>(() => ReturnsFileReader.ReadAsync("returns.xlsx"));
        Assert.Contains(".csv or .parquet", ex.Message, StringComparison.Ordinal);
    }
}
