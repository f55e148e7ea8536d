using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Csv;
using QuantFunctions.Lake.Datasets;

namespace QuantFunctions.Lake.Tests.Csv;

public sealed class CsvReaderTests
{
    [Fact]
    public void Open_Utf8Bom_AcceptedTransparently()
    {
        byte[] bytes = [.. "\uFEFF"u8, .. "date,A\n2024-01-01,0.5\n"u8];
        using CsvReader csv = CsvReader.Open(bytes, "bom.csv");
        Assert.Equal(["date", "A"], csv.Header);
        Assert.True(csv.Read());
        Assert.True(csv.Row.TryNumber(1, out double v));
        Assert.Equal(0.5, v);
        Assert.Equal(2, csv.Row.Line);
        Assert.False(csv.Read());
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE }, "UTF-16 LE")]
    [InlineData(new byte[] { 0xFE, 0xFF }, "UTF-16 BE")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0, 0 }, "UTF-32 LE")]
    public void Open_Utf16Or32Bom_RejectedNamingTheEncoding(byte[] bom, string encoding)
    {
        byte[] bytes = [.. bom, .. Encoding.Unicode.GetBytes("A\n1\n")];
        var ex = Assert.Throws<DatasetSchemaException>(() => CsvReader.Open(bytes, "wide.csv"));
        Assert.Equal(ErrorCodes.DatasetSchemaMismatch, ex.Code);
        Assert.StartsWith("wide.csv:1:1: the file starts with a " + encoding + " byte order mark", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_QuotedFieldsBlankLinesAndCrLf_UnquotedUnescapedTrimmed()
    {
        using CsvReader csv = CsvReader.Open("\r\n\"a \"\"x\"\"\",b\r\n\r\n\" 1.5 \",  \r\n\"\",NaN\r\n", "q.csv");
        Assert.Equal(["a \"x\"", "b"], csv.Header);
        Assert.Equal(2, csv.HeaderLine);
        Assert.Equal("\"a \"\"x\"\"\",b", csv.HeaderText);
        Assert.True(csv.Read());
        Assert.Equal(4, csv.Row.Line);
        Assert.True(csv.Row.TryNumber(0, out double a));
        Assert.Equal(1.5, a);
        Assert.True(csv.Row.TryNumber(1, out double b));
        Assert.True(double.IsNaN(b)); // blank after trimming: missing
        Assert.True(csv.Read());
        Assert.True(csv.Row.TryNumber(0, out double c) && double.IsNaN(c));
        Assert.True(csv.Row.TryNumber(1, out double d) && double.IsNaN(d));
        Assert.False(csv.Read());
    }

    [Theory]
    [InlineData("A,B\n0.1,\"0.2\n0.3,0.4\n", "q.csv:2:2: unterminated quote")] // never closes: Sep would run to the end of the file
    [InlineData("A,B\n0.1,0.2\n0.3,\"0.4", "q.csv:3:2: unterminated quote")] // unclosed in the last field, no line end
    [InlineData("A,B\n0.1,\"0\n.2\"\n", "q.csv:2:2: unterminated quote (fields may not span lines)")] // closes on a later line
    [InlineData("A,B\n0.1,\"0.2\"x\n", "q.csv:2:2: text after the closing quote")]
    [InlineData("\"A,B\n0.1,0.2\n", "q.csv:1:1: unterminated quote")] // in the header
    public void Read_BadQuoting_ThrowsNamingFileLineAndColumn(string text, string expected)
    {
        var ex = Assert.Throws<DatasetSchemaException>(() =>
        {
            using CsvReader csv = CsvReader.Open(text, "q.csv");
            while (csv.Read())
            {
            }
        });
        Assert.Equal(ErrorCodes.DatasetSchemaMismatch, ex.Code);
        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyOrBlankFile_HasNoHeader()
    {
        using CsvReader empty = CsvReader.Open([], "e.csv");
        using CsvReader blank = CsvReader.Open(" \n\n \r\n", "b.csv");
        Assert.Empty(empty.Header);
        Assert.Empty(blank.Header);
        Assert.False(blank.Read());
    }

    [Theory]
    [InlineData("1e-3", 1e-3)]
    [InlineData("-0.0123", -0.0123)]
    [InlineData("+2.5E+2", 250.0)]
    [InlineData(" 7 ", 7.0)]
    [InlineData("\"0.25\"", 0.25)]
    public void TryNumber_InvariantForms_ParsedExactly(string cell, double expected)
    {
        using CsvReader csv = CsvReader.Open("A\n" + cell + "\n", "n.csv");
        Assert.True(csv.Read());
        Assert.True(csv.Row.TryNumber(0, out double v));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(v));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0,5")] // quoted decimal comma: invariant culture only
    [InlineData("1.2.3")]
    public void TryNumber_NotANumber_False(string cell)
    {
        using CsvReader csv = CsvReader.Open("A\n\"" + cell + "\"\n", "n.csv");
        Assert.True(csv.Read());
        Assert.False(csv.Row.TryNumber(0, out _));
    }

    /// <summary>Doubles written with "R" come back bit for bit, whatever their magnitude (subnormals, ±0, extremes).</summary>
    [Fact]
    public void Read_RoundTripFormattedDoubles_SameBitsBack()
    {
        Gen<double> finite = ArbMap.Default.GeneratorFor<double>().Where(double.IsFinite);
        Gen<double> bits = ArbMap.Default.GeneratorFor<long>().Select(BitConverter.Int64BitsToDouble).Where(double.IsFinite);
        Gen<double[][]> tables =
            from cols in Gen.Choose(1, 6)
            from rows in Gen.Choose(1, 20)
            from cells in Gen.OneOf(finite, bits, Gen.Elements(0.0, -0.0, double.Epsilon, double.MaxValue, double.MinValue, 1e-308, 0.1, 1.0 / 3))
                .ArrayOf(cols).ArrayOf(rows)
            select cells;
        Prop.ForAll(tables.ToArbitrary(), table =>
        {
            var sb = new StringBuilder();
            for (int c = 0; c < table[0].Length; c++)
            {
                sb.Append(c == 0 ? "" : ",").Append('A').Append(c);
            }

            sb.Append('\n');
            foreach (double[] row in table)
            {
                for (int c = 0; c < row.Length; c++)
                {
                    sb.Append(c == 0 ? "" : ",").Append(row[c].ToString("R", CultureInfo.InvariantCulture));
                }

                sb.Append('\n');
            }

            using CsvReader csv = CsvReader.Open(Encoding.UTF8.GetBytes(sb.ToString()), "p.csv");
            int r = 0;
            while (csv.Read())
            {
                for (int c = 0; c < table[r].Length; c++)
                {
                    if (!csv.Row.TryNumber(c, out double v) || BitConverter.DoubleToInt64Bits(v) != BitConverter.DoubleToInt64Bits(table[r][c]))
                    {
                        return false;
                    }
                }

                r++;
            }

            return r == table.Length;
        }).QuickCheckThrowOnFailure();
    }
}
