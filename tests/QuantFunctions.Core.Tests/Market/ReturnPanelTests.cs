using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.Market;

public sealed class ReturnPanelTests
{
    private static readonly DateOnly D1 = new(2024, 1, 1), D2 = new(2024, 1, 2), D3 = new(2024, 1, 3);

    [Fact]
    public void Indexer_ColumnMajorValues_ReadsRowAndColumn()
    {
        var p = new ReturnPanel([D1, D2, D3], ["A", "B"], [1, 2, 3, 10, 20, 30]);
        Assert.Equal(20, p[1, 1]);
        Assert.Equal(3, p[2, 0]);
        Assert.Equal([10.0, 20, 30], p.Column(1).ToArray());
        Assert.Equal(1, p.IndexOf("B"));
        Assert.Equal(-1, p.IndexOf("C"));
    }

    [Fact]
    public void Constructor_DuplicateColumn_ThrowsDuplicateColumn()
    {
        var ex = Assert.Throws<DomainValidationException>(() => new ReturnPanel([D1], ["A", "A"], [1, 2]));
        Assert.Equal(ErrorCodes.DuplicateColumn, ex.Code);
    }

    [Fact]
    public void SliceRows_MiddleRows_CopiesEachColumn()
    {
        var p = new ReturnPanel([D1, D2, D3], ["A", "B"], [1, 2, 3, 10, 20, 30]);
        ReturnPanel s = p.SliceRows(1, 2);
        Assert.Equal([D2, D3], s.Dates);
        Assert.Equal([2.0, 3, 20, 30], s.Values.ToArray());
    }

    [Fact]
    public void FromSeriesOuter_DifferentDates_MarksMissingAsNaNNotZero()
    {
        var a = new DatedSeries("A", [D1, D3], [0.01, 0.03]);
        var b = new DatedSeries("B", [D2], [0.02]);
        ReturnPanel p = ReturnPanel.FromSeriesOuter([a, b]);
        Assert.Equal([D1, D2, D3], p.Dates);
        Assert.True(double.IsNaN(p[1, 0]));
        Assert.True(double.IsNaN(p[0, 1]) && double.IsNaN(p[2, 1]));
        Assert.Equal(0.02, p[1, 1]);
        Assert.Equal(2, p.ObservationCount(0));
    }

    [Fact]
    public void CompleteRows_NothingMissing_IsThePanelItself()
    {
        var p = new ReturnPanel([D1, D2, D3], ["A", "B"], [1, 2, 3, 10, 20, 30]);
        Assert.False(p.HasMissing);
        Assert.Same(p, p.CompleteRows());
    }

    [Fact]
    public void CompleteRows_RowWithNaN_IsDroppedWithItsDate()
    {
        var p = new ReturnPanel([D1, D2, D3], ["A", "B"], [1, double.NaN, 3, 10, 20, 30]);
        Assert.True(p.HasMissing);
        ReturnPanel dense = p.CompleteRows();
        Assert.Equal([D1, D3], dense.Dates);
        Assert.Equal([1.0, 3, 10, 30], dense.Values.ToArray());
        Assert.Equal(1, p.RowCount - dense.RowCount);
        double[] buffer = new double[p.RowCount * p.ColumnCount];
        Assert.Equal(2, p.CopyCompleteRows(buffer));
        Assert.Equal([1.0, 3, 10, 30], buffer[..4]);
    }

    [Fact]
    public void Undated_LargerBufferAndLabels_UsesLeadingValuesAndKeepsLabelsThroughViews()
    {
        // A reader's buffer: 2 rows × 2 columns in the first 4 of 6 values.
        ReturnPanel p = ReturnPanel.Undated(["A", "B"], 2, [double.NaN, 2, 10, 20, -1, -1], new RowLabels("when", ["t0", "t1"]));
        Assert.False(p.HasDates);
        Assert.Equal([double.NaN, 2, 10, 20], p.Values.ToArray());
        Assert.Equal(20, p[1, 1]);
        ReturnPanel dense = p.CompleteRows();
        Assert.Equal(["t1"], dense.RowLabels!.Labels);
        Assert.Equal("when", dense.RowLabels.Name);
        Assert.Throws<InvalidOperationException>(() => p.Dates);
    }

    [Fact]
    public void Undated_TooFewValues_ThrowsShapeMismatch()
    {
        var ex = Assert.Throws<DomainValidationException>(() => ReturnPanel.Undated(["A", "B"], 2, [1, 2, 3]));
        Assert.Equal(ErrorCodes.ShapeMismatch, ex.Code);
    }
}
