using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.DataOps.Providers;
using QuantFunctions.Testing;

namespace QuantFunctions.DataOps.Tests.Providers;

public sealed class OhlcvFileReaderTests
{
    private const string YahooCsv = """
        Date,Open,High,Low,Close,Adj Close,Volume
        2024-01-02,187.15,188.44,183.89,185.64,184.94,82488700
        2024-01-03,184.22,185.88,183.43,184.25,183.55,58414500

        """;

    [Fact]
    public async Task Read_PerSymbolYahooLayout_SymbolFromFileNameAndAdjCloseIgnoredUnlessMapped()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.Combine("aapl.csv"), YahooCsv);

        OhlcvFileSet plain = await OhlcvFileReader.ReadAsync(dir.Path, new OhlcvImportOptions { Market = "XNYS" }, CancellationToken.None);
        OhlcvFileSet adjusted = await OhlcvFileReader.ReadAsync(dir.Path, new OhlcvImportOptions { Market = "XNYS", Map = new OhlcvColumnMap().With("close=Adj Close") }, CancellationToken.None);

        ProviderFetch fetch = Assert.Single(plain.Fetches);
        BarSeries bars = fetch.Bars;
        Assert.Equal("XNYS:AAPL", bars.Symbol.Value);
        Assert.Equal([new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 3)], bars.Dates);
        Assert.Equal([185.64, 184.25], bars.Close);
        Assert.Equal([82488700d, 58414500d], bars.Volume);
        Assert.Equal([184.94, 183.55], Assert.Single(adjusted.Fetches).Bars.Close);
        Assert.EndsWith("aapl.csv:3", fetch.Origins[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_LongLayoutWithEpochAndCanonicalSymbols_GroupsBySymbolInOrdinalOrder()
    {
        using var dir = new TempDirectory();
        string file = dir.Combine("long.csv");
        await File.WriteAllTextAsync(file, """
            symbol,ts,open,high,low,close,volume
            ETHUSDT,1704067200000,2281.9,2352.4,2265.2,2352.0,216702.6
            BINANCE:BTCUSDT,2024-01-01T00:00:00Z,42283.58,44184.10,42180.77,44179.55,27174.3
            ETHUSDT,1704153600,2352.0,2431.0,2341.0,2355.3,331244.9
            """);

        OhlcvFileSet set = await OhlcvFileReader.ReadAsync(file, new OhlcvImportOptions { Market = "BINANCE", Layout = OhlcvLayout.Long }, CancellationToken.None);

        Assert.Equal(["BINANCE:BTCUSDT", "BINANCE:ETHUSDT"], set.Fetches.Select(f => f.Bars.Symbol.Value));
        // 1704067200000 ms and 1704153600 s are 2024-01-01 and 2024-01-02 UTC.
        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 2)], set.Fetches[1].Bars.Dates);
        Assert.Contains("ETHUSDT,1704153600", System.Text.Encoding.UTF8.GetString(set.Fetches[1].Payload.Span), StringComparison.Ordinal);
        Assert.DoesNotContain("BTCUSDT", System.Text.Encoding.UTF8.GetString(set.Fetches[1].Payload.Span), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-01-04,1,2,0.5,abc,100", "aapl.csv:4:5: 'abc' is not a number (close)")]
    [InlineData("2024-13-45,1,2,0.5,1.5,100", "aapl.csv:4:1: '2024-13-45' is not a date")]
    [InlineData("2024-01-04,1,2,0.5", "aapl.csv:4:5: 4 fields, the header has 6")]
    [InlineData("2024-02-30,1,2,0.5,1.5,100", "aapl.csv:4:1: '2024-02-30' is not a date")]
    [InlineData("2024-1-045,1,2,0.5,1.5,100", "aapl.csv:4:1: '2024-1-045' is not a date")]
    public async Task Read_MalformedRow_StrictNamesFileLineColumnLenientRecordsIt(string row, string expected)
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.Combine("aapl.csv"), "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,0.5,1.5,100\n2024-01-03,1,2,0.5,1.5,100\n" + row + "\n");

        DatasetSchemaException ex = await Assert.ThrowsAsync<DatasetSchemaException>(() => OhlcvFileReader.ReadAsync(dir.Path, new OhlcvImportOptions(), CancellationToken.None));
        Assert.Equal(ErrorCodes.DatasetSchemaMismatch, ex.Code);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);

        OhlcvFileSet lenient = await OhlcvFileReader.ReadAsync(dir.Path, new OhlcvImportOptions { Strict = false }, CancellationToken.None);
        Assert.Equal(2, Assert.Single(lenient.Fetches).Bars.Count);
        RowIssue issue = Assert.Single(lenient.Issues);
        Assert.Contains(expected[..expected.IndexOf(": ", StringComparison.Ordinal)], issue.Origin, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-01-04,1,2,\"0.5,1.5,100", "aapl.csv:4:4: unterminated quote")]
    [InlineData("2024-01-04,1,2,\"0.5\"x,1.5,100", "aapl.csv:4:4: text after the closing quote")]
    public async Task Read_BadQuoting_ThrowsInStrictAndLenientModes(string row, string expected)
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.Combine("aapl.csv"), "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,0.5,1.5,100\n2024-01-03,1,2,0.5,1.5,100\n" + row + "\n2024-01-05,1,2,0.5,1.5,100\n");

        DatasetSchemaException strict = await Assert.ThrowsAsync<DatasetSchemaException>(() => OhlcvFileReader.ReadAsync(dir.Path, new OhlcvImportOptions(), CancellationToken.None));
        Assert.Equal(ErrorCodes.DatasetSchemaMismatch, strict.Code);
        DatasetSchemaException lenient = await Assert.ThrowsAsync<DatasetSchemaException>(() => OhlcvFileReader.ReadAsync(dir.Path, new OhlcvImportOptions { Strict = false }, CancellationToken.None));

        Assert.Contains(expected, strict.Message, StringComparison.Ordinal);
        Assert.Contains(expected, lenient.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_FolderReadInParallel_ResultsIssuesAndFirstErrorFollowFileOrder()
    {
        // 40 files parsed in parallel: fetches in symbol order, lenient issues in file order, and in strict mode the
        // error of the first bad file in ordinal order (s05), never a later one (s31) that may finish first.
        using var dir = new TempDirectory();
        for (int i = 0; i < 40; i++)
        {
            string bad = i is 5 or 31 ? "2024-01-04,1,2,0.5,oops,1,100\n" : string.Empty;
            await File.WriteAllTextAsync(dir.Combine($"s{i:D2}.csv"), YahooCsv + bad);
        }

        OhlcvFileSet lenient = await OhlcvFileReader.ReadAsync(dir.Path, new OhlcvImportOptions { Market = "XNYS", Strict = false }, CancellationToken.None);
        Assert.Equal(40, lenient.Fetches.Count);
        Assert.Equal("XNYS:S00", lenient.Fetches[0].Bars.Symbol.Value);
        Assert.Equal("XNYS:S39", lenient.Fetches[^1].Bars.Symbol.Value);
        Assert.Equal(["XNYS:S05", "XNYS:S31"], lenient.Issues.Select(issue => issue.Symbol));

        for (int attempt = 0; attempt < 5; attempt++)
        {
            var error = await Assert.ThrowsAsync<DatasetSchemaException>(() => OhlcvFileReader.ReadAsync(dir.Path, new OhlcvImportOptions { Market = "XNYS" }, CancellationToken.None));
            Assert.Equal(ErrorCodes.DatasetSchemaMismatch, error.Code);
            Assert.Contains("s05.csv:4:", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Read_Utf8BomCrLfAndQuotedCells_ReadLikePlainText()
    {
        using var dir = new TempDirectory();
        await File.WriteAllBytesAsync(dir.Combine("msft.csv"), [.. "\uFEFF"u8, .. "Date,Open,High,Low,Close,Volume\r\n\"2024-01-02\",\"370.5\",371,365.25, 370.87 ,25258600\r\n"u8]);

        BarSeries bars = Assert.Single((await OhlcvFileReader.ReadAsync(dir.Path, new OhlcvImportOptions { Market = "XNYS" }, CancellationToken.None)).Fetches).Bars;

        Assert.Equal([new DateOnly(2024, 1, 2)], bars.Dates);
        Assert.Equal([370.5], bars.Open);
        Assert.Equal([365.25], bars.Low);
        Assert.Equal([370.87], bars.Close);
    }

    [Theory]
    [InlineData("", "aapl.csv: the file is empty")]
    [InlineData("\n\n", "aapl.csv: the file is empty")]
    public async Task Read_EmptyFile_Throws(string content, string expected)
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.Combine("aapl.csv"), content);

        DatasetSchemaException ex = await Assert.ThrowsAsync<DatasetSchemaException>(() => OhlcvFileReader.ReadAsync(dir.Path, new OhlcvImportOptions(), CancellationToken.None));
        Assert.Equal(ErrorCodes.DatasetSchemaMismatch, ex.Code);

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_MissingColumn_NamesTheFieldAndHowToMapIt()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.Combine("x.csv"), "Date,Open,High,Low,Last,Volume\n2024-01-02,1,2,0.5,1.5,100\n");

        DatasetSchemaException ex = await Assert.ThrowsAsync<DatasetSchemaException>(() => OhlcvFileReader.ReadAsync(dir.Path, new OhlcvImportOptions(), CancellationToken.None));
        Assert.Equal(ErrorCodes.DatasetSchemaMismatch, ex.Code);

        Assert.Contains("no column for 'close'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--map close=<header>", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnMap_UnknownField_Throws() =>
        Assert.Throws<ArgumentException>(() => new OhlcvColumnMap().With("price=Close"));

    [Theory]
    [InlineData(ParquetTimeUnit.Micros, -1L, "1969-12-31")] // 1 µs before the epoch is still 31 December 1969 (UTC)
    [InlineData(ParquetTimeUnit.Micros, -86_400_000_000L, "1969-12-31")] // exactly one day before
    [InlineData(ParquetTimeUnit.Millis, -86_400_001L, "1969-12-30")] // one day and 1 ms before
    [InlineData(ParquetTimeUnit.Nanos, 1_704_067_200_000_000_000L, "2024-01-01")] // 2024-01-01T00:00:00Z
    [InlineData(ParquetTimeUnit.Micros, 1_704_153_599_999_999L, "2024-01-01")] // the last µs of 2024-01-01
    public void ReadParquet_TimestampColumn_RowLandsOnTheUtcDayItFallsIn(ParquetTimeUnit unit, long value, string expected)
    {
        var schema = new ParquetSchema(
        [
            ParquetColumn.Timestamp("Date", unit), ParquetColumn.Double("Open"), ParquetColumn.Double("High"), ParquetColumn.Double("Low"),
            ParquetColumn.Double("Close"), ParquetColumn.Double("Volume"),
        ]);
        using var ms = new MemoryStream();
        using (var writer = new ParquetWriter(ms, schema))
        {
            writer.Write([
                ColumnBuffer.Create(schema.Columns[0], new[] { value }),
                ColumnBuffer.Create(schema.Columns[1], new[] { 1.0 }),
                ColumnBuffer.Create(schema.Columns[2], new[] { 2.0 }),
                ColumnBuffer.Create(schema.Columns[3], new[] { 0.5 }),
                ColumnBuffer.Create(schema.Columns[4], new[] { 1.5 }),
                ColumnBuffer.Create(schema.Columns[5], new[] { 100.0 }),
            ]);
            writer.Complete();
        }

        IReadOnlyList<ProviderFetch> fetches = OhlcvFileReader.ReadParquet(ms.ToArray(), "old.parquet", new OhlcvImportOptions { Market = "XNYS" }, []);

        Assert.Equal([DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)], Assert.Single(fetches).Bars.Dates);
    }
}
