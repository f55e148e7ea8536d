using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Tests.Datasets;

public sealed class LongPanelTests
{
    private static readonly DateOnly D1 = new(2024, 1, 2), D2 = new(2024, 1, 3);

    [Fact]
    public void ToTable_ThenPivot_RoundTripsAndMissingCellsStayMissing()
    {
        var panel = new ReturnPanel([D1, D2], ["momentum/XNYS:AAA/LONG", "momentum/XNYS:BBB/SHORT"], [0.01, double.NaN, -0.03, 0.04]);

        LakeTable table = LongPanel.ToTable("streams", panel, "atom", "ret");
        ReturnPanel back = LongPanel.Pivot("streams", table.DateDays("date"), table.Strings("atom"), table.Doubles("ret"));

        Assert.Equal(3, table.RowCount);
        Assert.Equal(panel.Dates, back.Dates);
        Assert.Equal(panel.Columns, back.Columns);
        Assert.Equal(panel.Values, back.Values);
    }

    [Fact]
    public void Pivot_IncludeMask_LeavesOutDatesAndKeysOfExcludedRows()
    {
        int[] dates = [LongPanel.ToDays(D2), LongPanel.ToDays(D1), LongPanel.ToDays(D2)];
        string[] keys = ["b", "a", "c"];

        ReturnPanel panel = LongPanel.Pivot("x", dates, keys, [1.0, 2.0, 3.0], [true, false, true]);

        Assert.Equal([D2], panel.Dates);
        Assert.Equal(["b", "c"], panel.Columns);
        Assert.Equal([1.0, 3.0], panel.Values);
    }

    [Fact]
    public void Pivot_SameDateAndKeyTwice_Throws()
    {
        int day = LongPanel.ToDays(D1);

        DatasetSchemaException error = Assert.Throws<DatasetSchemaException>(() => LongPanel.Pivot("weights", [day, day], ["a", "a"], [1.0, 2.0]));

        Assert.Contains("weights: two rows for 'a' on 2024-01-02", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1970, 1, 1, 0)]
    [InlineData(2024, 1, 2, 19724)] // Python: (date(2024,1,2) - date(1970,1,1)).days
    [InlineData(1969, 12, 31, -1)]
    public void ToDays_AndToDate_AreInverseParquetDateEncodings(int year, int month, int day, int days)
    {
        var date = new DateOnly(year, month, day);

        Assert.Equal(days, LongPanel.ToDays(date));
        Assert.Equal(date, LongPanel.ToDate(days));
    }
}
