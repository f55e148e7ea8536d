using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Tests.Market;
using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Tests.Strategies;

public sealed class MetaAggregatorTests
{
    private static readonly DateOnly D1 = new(2024, 3, 22), D2 = new(2024, 3, 23), D3 = new(2024, 3, 25);

    [Fact]
    public void Combine_TwoSleevesOnMixedCalendars_WeightsCommonDates()
    {
        var crypto = new DatedSeries("crypto_long", [D1, D2, D3], [0.02, 0.05, -0.01]);
        var equity = new DatedSeries("equity_short", [D1, D3], [0.01, 0.03]);
        MetaPortfolioResult meta = MetaAggregator.Combine(["crypto_long", "equity_short"], [equity, crypto], [0.6, 0.4]);

        // Hand calculation on the common dates D1, D3: 0.6·0.02 + 0.4·0.01 = 0.016; 0.6·(−0.01) + 0.4·0.03 = 0.006.
        Assert.Equal([D1, D3], meta.Returns.Dates);
        Approx.Abs(0.016, meta.Returns.Values[0], 1e-15, "D1");
        Approx.Abs(0.006, meta.Returns.Values[1], 1e-15, "D3");
        Assert.Equal(1, meta.Alignment.Drops[0].RowsDropped);
        Assert.Equal(0, meta.Alignment.Drops[1].RowsDropped);
    }

    [Fact]
    public void Combine_MissingSleeve_ThrowsNamingIt()
    {
        var crypto = new DatedSeries("crypto_long", [D1], [0.02]);
        var ex = Assert.Throws<SleeveIncompleteException>(() => MetaAggregator.Combine(["crypto_long", "crypto_short"], [crypto], [0.5, 0.5]));
        Assert.Equal("crypto_short", ex.Sleeve);
        Assert.Equal(ErrorCodes.SleeveIncomplete, ex.Code);
        Assert.Equal("it is missing", ex.Reason);
    }

    [Fact]
    public void EnsureComplete_EmptyOrAllNaNSleeve_ThrowsNamingIt()
    {
        var ok = new DatedSeries("a", [D1], [0.02]);
        var empty = new DatedSeries("b", [], []);
        var nan = new DatedSeries("c", [D1], [double.NaN]);
        Assert.Equal("b", Assert.Throws<SleeveIncompleteException>(() => MetaAggregator.EnsureComplete(["a", "b"], [ok, empty])).Sleeve);
        Assert.Equal("c", Assert.Throws<SleeveIncompleteException>(() => MetaAggregator.EnsureComplete(["a", "c"], [ok, nan])).Sleeve);
    }

    [Fact]
    public void Combine_WrongWeightCount_ThrowsInvalidWeights()
    {
        var a = new DatedSeries("a", [D1], [0.02]);
        var ex = Assert.Throws<DomainValidationException>(() => MetaAggregator.Combine(["a"], [a], [0.5, 0.5]));
        Assert.Equal(ErrorCodes.InvalidWeights, ex.Code);
    }
}
