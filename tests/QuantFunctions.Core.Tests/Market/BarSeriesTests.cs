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

    [Fact]
    public void Constructor_LowShorterThanDates_ThrowsShapeMismatchNamingSymbolAndColumn()
    {
        // Was SymbolBars_ColumnLengthDiffers_ThrowsNamingSymbolAndColumn (an ArgumentException with ParamName "low").
        DateOnly[] d = [new(2024, 1, 2), new(2024, 1, 3), new(2024, 1, 4)];
        var ex = Assert.Throws<DomainValidationException>(() => new BarSeries(
            Symbol.Parse("TEST:X"), d, new double[3], new double[3], new double[2], new double[3], new double[3]));
        Assert.Equal(ErrorCodes.ShapeMismatch, ex.Code);
        Assert.Contains("'low'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("TEST:X", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AsDelivered_DuplicateDate_IsKeptAndNotOrdered()
    {
        DateOnly[] d = [new(2024, 1, 2), new(2024, 1, 2)];
        BarSeries bars = BarSeries.AsDelivered(Sym, d, [1, 1], [1, 1], [1, 1], [1, 1], [1, 1]);
        Assert.False(bars.IsOrdered);
        Assert.Equal(2, bars.Count);
        Assert.True(new BarSeries(Sym, [new(2024, 1, 2)], [1], [1], [1], [1], [1]).IsOrdered);
    }

    [Fact]
    public void Take_LeadingRows_CopiesAndStampsAtMidnightUtc()
    {
        DateOnly[] d = [new(2024, 1, 2), new(2024, 1, 3), new(2024, 1, 4)];
        var bars = new BarSeries(Sym, d, [10, 11, 12], [11, 12, 13], [9, 10, 11], [10.5, 11.5, 12.5], [100, 100, 100]);
        BarSeries first = bars.Take(2);
        Assert.Equal(d[..2], first.Dates);
        Assert.Equal([10.5, 11.5], first.Close);
        Assert.NotSame(bars.Close, first.Close);
        Assert.Equal(new DateTimeOffset(2024, 1, 3, 0, 0, 0, TimeSpan.Zero), first.OpenTime(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => bars.Take(4));
    }
}
