using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.Features;

public sealed class FeatureSetTests
{
    [Fact]
    public void Compute_RandomWalk_FillsEveryColumnAfterWarmUp()
    {
        BarSeries bars = TestBars.RandomWalk("BINANCE:BTCUSDT", 800, seed: 1);
        FeatureBlock block = new FeatureSet().Compute(bars);
        Assert.Equal(800, block.RowCount);
        Assert.Equal(23, FeatureBlock.ColumnNames.Count);
        for (int j = 0; j < FeatureColumns.All.Count; j++)
        {
            ReadOnlySpan<double> column = block.Column(j);
            Assert.True(double.IsNaN(column[0]), FeatureColumns.All[j]);
            Assert.True(double.IsFinite(column[^1]), FeatureColumns.All[j]);
        }

        // Longest default warm-up: Hurst on returns, window 256 → first value at row 256.
        Assert.True(double.IsNaN(block.Column(FeatureColumns.Hurst)[255]));
        Assert.True(double.IsFinite(block.Column(FeatureColumns.Hurst)[256]));
        Assert.InRange(block.Column(FeatureColumns.RatingAll)[^1], -1, 1);
        Assert.Equal(bars.OpenTime(10).AddDays(1), block.KnownAt[10]);
    }

    [Fact]
    public void Compute_ColumnsEqualTheKernels()
    {
        // The block is the kernels' output, placed by name.
        BarSeries bars = TestBars.RandomWalk("TEST:X", 300, seed: 2);
        FeatureBlock block = new FeatureSet(new FeatureOptions { RsiPeriod = 9 }).Compute(bars);
        var rsi = TestBars.Run(300, d => Rsi.Compute(bars.Close, 9, d));
        Assert.Equal(rsi, block.Column(FeatureColumns.Rsi).ToArray());
        var cvar = new double[299];
        var simple = TestBars.Run(300, d => ReturnFeatures.Simple(bars.Close, d));
        HistoricalCvar.Compute(simple.AsSpan(1), 60, 0.95, cvar);
        Assert.Equal(cvar, block.Column(FeatureColumns.Cvar)[1..].ToArray());
    }

    [Fact]
    public void Constructor_InvalidWindow_ThrowsNamingTheOption()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureSet(new FeatureOptions { HurstWindow = 20 }));
        Assert.Equal("HurstWindow", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureSet(new FeatureOptions { CvarLevel = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureSet(new FeatureOptions { RatingMaLengths = [] }));
    }

    [Fact]
    public void Compute_NonPositiveClose_ThrowsNamingSymbolColumnRow()
    {
        BarSeries bars = TestBars.RandomWalk("NASDAQ:AAPL", 50, seed: 3);
        bars.Close[17] = -1;
        var ex = Assert.Throws<FeatureInputException>(() => new FeatureSet().Compute(bars));
        Assert.Equal(ErrorCodes.InvalidFeatureInput, ex.Code);
        Assert.Equal(("NASDAQ:AAPL", "close", 17), (ex.Symbol, ex.Column, ex.Row));
        Assert.Contains("NASDAQ:AAPL", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputeMany_ParallelAndSequential_AreIdentical()
    {
        var symbols = new List<BarSeries>();
        for (int i = 0; i < 12; i++)
        {
            symbols.Add(TestBars.RandomWalk($"TEST:S{i}", 400, seed: 100 + i));
        }

        IReadOnlyList<FeatureBlock> sequential = new FeatureSet().ComputeMany(symbols);
        IReadOnlyList<FeatureBlock> parallel = new FeatureSet(new FeatureOptions { MaxDegreeOfParallelism = 4 }).ComputeMany(symbols);
        for (int i = 0; i < symbols.Count; i++)
        {
            Assert.Equal(symbols[i].Symbol.Value, parallel[i].Symbol);
            Assert.Equal(sequential[i].Values, parallel[i].Values);
        }
    }

    [Fact]
    public void ComputeMany_SecondSymbolInvalid_ReportsItDeterministically()
    {
        BarSeries good = TestBars.RandomWalk("TEST:A", 60, seed: 1), bad = TestBars.RandomWalk("TEST:B", 60, seed: 2);
        bad.Volume[5] = double.NaN;
        var ex = Assert.Throws<FeatureInputException>(
            () => new FeatureSet(new FeatureOptions { MaxDegreeOfParallelism = 2 }).ComputeMany([good, bad]));
        Assert.Equal(("TEST:B", "volume", 5), (ex.Symbol, ex.Column, ex.Row));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    public void Compute_ShorterThanEveryWindow_IsAllWarmUpExceptReturns(int length)
    {
        FeatureBlock block = new FeatureSet().Compute(TestBars.RandomWalk("TEST:SHORT", length, seed: 4));
        Assert.Equal(length, block.RowCount);
        for (int j = 2; j < FeatureColumns.All.Count; j++)
        {
            foreach (double v in block.Column(j))
            {
                Assert.True(double.IsNaN(v), FeatureColumns.All[j]);
            }
        }
    }

    [Fact]
    public void Column_UnknownName_Throws()
    {
        FeatureBlock block = new FeatureSet().Compute(TestBars.RandomWalk("TEST:X", 10, seed: 1));
        Assert.Throws<KeyNotFoundException>(() => block.Column("macd").ToArray());
    }
}
