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
        Assert.Equal([2.0, 3, 20, 30], s.Values);
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
}
