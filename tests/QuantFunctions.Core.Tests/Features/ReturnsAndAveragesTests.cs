using QuantFunctions.Core.Features;

namespace QuantFunctions.Core.Tests.Features;

public sealed class ReturnsAndAveragesTests
{
    private static readonly double[] Prices = [10, 11, 12, 13, 14, 15];

    [Fact]
    public void Returns_HandCase_MatchSimpleAndLogDefinitions()
    {
        // Hand calculation: 11/10 − 1 = 0.1, ln(11/10) = 0.0953101798; 12/11 − 1 = 0.0909090909.
        var simple = TestBars.Run(Prices.Length, d => ReturnFeatures.Simple(Prices, d));
        var log = TestBars.Run(Prices.Length, d => ReturnFeatures.Log(Prices, d));
        Assert.True(double.IsNaN(simple[0]) && double.IsNaN(log[0]));
        Assert.Equal(0.1, simple[1], 12);
        Assert.Equal(0.0953101798043249, log[1], 12);
        Assert.Equal(0.0909090909090909, simple[2], 12);
    }

    [Fact]
    public void Sma_HandCase_AveragesTheLastWindow()
    {
        // Hand calculation, window 3: (10+11+12)/3 = 11, then 12, 13, 14.
        var sma = TestBars.Run(Prices.Length, d => MovingAverage.Sma(Prices, 3, d));
        Assert.True(double.IsNaN(sma[0]) && double.IsNaN(sma[1]));
        Assert.Equal([11.0, 12.0, 13.0, 14.0], sma[2..]);
    }

    [Fact]
    public void Ema_HandCase_SeedsWithSmaThenSmooths()
    {
        // Hand calculation, window 3 (α = 0.5): seed SMA(10,11,12) = 11; 0.5·13 + 0.5·11 = 12; 0.5·14 + 0.5·12 = 13;
        // then 14. Second case on 22, 24, 23, 26: seed 23, then 0.5·26 + 0.5·23 = 24.5.
        var ema = TestBars.Run(Prices.Length, d => MovingAverage.Ema(Prices, 3, d));
        Assert.True(double.IsNaN(ema[1]));
        Assert.Equal([11.0, 12.0, 13.0, 14.0], ema[2..]);
        var second = TestBars.Run(4, d => MovingAverage.Ema([22, 24, 23, 26], 3, d));
        Assert.Equal(24.5, second[3], 12);
    }

    [Fact]
    public void Vwma_HandCase_WeightsByVolume()
    {
        // Hand calculation, window 2: (10·1 + 11·3)/4 = 10.75; (11·3 + 12·0)/3 = 11; zero volume → NaN.
        double[] volume = [1, 3, 0, 0, 2, 2];
        var vwma = TestBars.Run(Prices.Length, d => MovingAverage.Vwma(Prices, volume, 2, d));
        Assert.True(double.IsNaN(vwma[0]));
        Assert.Equal(10.75, vwma[1], 12);
        Assert.Equal(11.0, vwma[2], 12);
        Assert.True(double.IsNaN(vwma[3]));
        Assert.Equal(14.5, vwma[5], 12);
    }

    [Fact]
    public void Roc_HandCase_IsPercentChangeOverPeriod()
    {
        // Hand calculation, period 2: 100·(12/10 − 1) = 20; 100·(15/13 − 1) = 15.3846153846.
        var roc = TestBars.Run(Prices.Length, d => RateOfChange.Compute(Prices, 2, d));
        Assert.True(double.IsNaN(roc[1]));
        Assert.Equal(20.0, roc[2], 10);
        Assert.Equal(15.384615384615385, roc[5], 10);
    }

    [Fact]
    public void Sma_DestinationLengthDiffers_Throws() =>
        Assert.Throws<ArgumentException>(() => MovingAverage.Sma(Prices, 2, new double[3]));

    [Fact]
    public void Ema_WindowZero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MovingAverage.Ema(Prices, 0, new double[Prices.Length]));
}
