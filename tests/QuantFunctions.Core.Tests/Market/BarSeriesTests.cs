using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.Market;

public sealed class BarSeriesTests
{
    private static readonly Symbol Sym = Symbol.Parse("XNYS:TEST");

    [Fact]
    public void Constructor_ColumnLengthMismatch_ThrowsShapeMismatchNamingColumn()
    {
        DateOnly[] d = [new(2024, 1, 2), new(2024, 1, 3)];
        var ex = Assert.Throws<DomainValidationException>(() => new BarSeries(Sym, d, [1, 1], [1, 1], [1, 1], [1], [1, 1]));
        Assert.Equal(ErrorCodes.ShapeMismatch, ex.Code);
        Assert.Contains("close", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DuplicateDate_ThrowsNonMonotonic()
    {
        DateOnly[] d = [new(2024, 1, 2), new(2024, 1, 2)];
        var ex = Assert.Throws<DomainValidationException>(() => new BarSeries(Sym, d, [1, 1], [1, 1], [1, 1], [1, 1], [1, 1]));
        Assert.Equal(ErrorCodes.NonMonotonicDates, ex.Code);
        Assert.Contains("row 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindOhlcViolation_HighBelowClose_ReturnsRow()
    {
        DateOnly[] d = [new(2024, 1, 2), new(2024, 1, 3), new(2024, 1, 4)];
        var ok = new BarSeries(Sym, d, [10, 11, 12], [11, 12, 13], [9, 10, 11], [10.5, 11.5, 12.5], [100, 100, 100]);
        var bad = new BarSeries(Sym, d, [10, 11, 12], [11, 11.2, 13], [9, 10, 11], [10.5, 11.5, 12.5], [100, 100, 100]);
        var zeroVolume = new BarSeries(Sym, d, [10, 11, 12], [11, 12, 13], [9, 10, 11], [10.5, 11.5, 12.5], [100, 100, 0]);
        Assert.Equal(-1, ok.FindOhlcViolation());
        Assert.Equal(1, bad.FindOhlcViolation());
        Assert.Equal(2, zeroVolume.FindOhlcViolation());
    }
}
