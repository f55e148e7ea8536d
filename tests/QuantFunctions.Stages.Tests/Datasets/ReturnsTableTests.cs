using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Tests.Datasets;

public sealed class ReturnsTableTests
{
    private static readonly DateOnly D1 = new(2024, 1, 2), D2 = new(2024, 1, 3), D3 = new(2024, 1, 4);
    private static readonly TimeSpan Close = TimeSpan.FromHours(21);

    // Column-major: AAA = [0.01, NaN, 0.03], BBB = [-0.02, 0.05, -0.5].
    private static ReturnPanel Panel() => new([D1, D2, D3], ["XNYS:AAA", "XNYS:BBB"], [0.01, double.NaN, 0.03, -0.02, 0.05, -0.5]);

    [Fact]
    public void FromPanel_NaNCell_ProducesNoRow()
    {
        LakeTable table = ReturnsTable.FromPanel(Panel(), D1, D3, Close);

        Assert.Equal(5, table.RowCount);
        Assert.Equal(["XNYS:AAA", "XNYS:AAA", "XNYS:BBB", "XNYS:BBB", "XNYS:BBB"], table.Strings("symbol"));
        Assert.Equal([19724, 19726, 19724, 19725, 19726], table.DateDays("date")); // 2024-01-02 is day 19724 since 1970-01-01
        Assert.Equal([0.01, 0.03, -0.02, 0.05, -0.5], table.Doubles("ret"));
        Assert.Equal(Math.Log(0.5), table.Doubles("log_ret")[4], 1e-15); // ln(1 − 0.5)
        // known_at: the date's midnight UTC + 21 h, in µs since the epoch.
        Assert.Equal((19724 * 86_400_000_000L) + (21 * 3_600_000_000L), table.Timestamps("known_at")[0]);
    }

    [Fact]
    public void FromPanel_ThenToPanel_RoundTripsWithNaNKept()
    {
        ReturnPanel panel = Panel();

        ReturnPanel back = ReturnsTable.ToPanel(ReturnsTable.FromPanel(panel, D1, D3, Close), DateTimeOffset.MaxValue);

        Assert.Equal(panel.Dates, back.Dates);
        Assert.Equal(panel.Columns, back.Columns);
        Assert.Equal(panel.Values, back.Values); // NaN equals NaN for Assert.Equal on doubles
    }

    [Fact]
    public void ToPanel_AsOfBeforeLastClose_ExcludesRowsKnownLater()
    {
        LakeTable table = ReturnsTable.FromPanel(Panel(), D1, D3, Close);
        DateTimeOffset lastClose = new(2024, 1, 4, 21, 0, 0, TimeSpan.Zero);

        ReturnPanel before = ReturnsTable.ToPanel(table, lastClose.AddTicks(-10)); // 1 µs before D3's close
        ReturnPanel at = ReturnsTable.ToPanel(table, lastClose);

        Assert.Equal([D1, D2], before.Dates);
        Assert.Equal([0.01, double.NaN, -0.02, 0.05], before.Values);
        Assert.Equal([D1, D2, D3], at.Dates); // known_at ≤ as-of is known
    }

    [Fact]
    public void ToPanel_AsOfBeforeAnyClose_DropsSymbolsWithNothingKnown()
    {
        // AAA's only return known at D1's close; BBB's only at D2's close.
        ReturnPanel panel = new([D1, D2], ["XNYS:AAA", "XNYS:BBB"], [0.01, double.NaN, double.NaN, 0.02]);
        LakeTable table = ReturnsTable.FromPanel(panel, D1, D2, Close);

        ReturnPanel known = ReturnsTable.ToPanel(table, new DateTimeOffset(2024, 1, 2, 21, 0, 0, TimeSpan.Zero));

        Assert.Equal(["XNYS:AAA"], known.Columns);
        Assert.Equal([D1], known.Dates);
    }

    [Fact]
    public void ToPanel_DuplicateDateAndSymbol_ThrowsNamingThem()
    {
        LakeTable table = new(ReturnsTable.Dataset,
        [
            ColumnBuffer.Create(ParquetColumn.Date("date"), new[] { 19724, 19724 }),
            ColumnBuffer.Create(ParquetColumn.String("symbol"), new[] { "XNYS:AAA", "XNYS:AAA" }),
            ColumnBuffer.Create(ParquetColumn.Double("ret"), new[] { 0.01, 0.02 }),
            ColumnBuffer.Create(ParquetColumn.Double("log_ret"), new[] { 0.0, 0.0 }),
            ColumnBuffer.Create(ParquetColumn.Timestamp("known_at"), new[] { 0L, 0L }),
        ]);

        DatasetSchemaException error = Assert.Throws<DatasetSchemaException>(() => ReturnsTable.ToPanel(table, DateTimeOffset.MaxValue));

        Assert.Contains("'XNYS:AAA' on 2024-01-02", error.Message, StringComparison.Ordinal);
    }
}
