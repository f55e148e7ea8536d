using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.Market;

public sealed class SymbolTests
{
    [Fact]
    public void Parse_Canonical_SplitsExchangeAndTicker()
    {
        Symbol s = Symbol.Parse("BINANCE:BTCUSDT.P");
        Assert.Equal("BINANCE", s.Exchange);
        Assert.Equal("BTCUSDT.P", s.Ticker);
        Assert.Equal("BINANCE:BTCUSDT.P", s.ToString());
        Assert.Equal(s, Symbol.Create("BINANCE", "BTCUSDT.P"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("AAPL")]
    [InlineData("XNYS:")]
    [InlineData(":AAPL")]
    [InlineData("xnys:AAPL")]
    [InlineData("XNYS:aapl")]
    [InlineData("XNYS:AA PL")]
    [InlineData("XNYS:AAPL:X")]
    [InlineData("XN-YS:AAPL")]
    public void Parse_NotCanonical_ThrowsInvalidSymbol(string text)
    {
        var ex = Assert.Throws<DomainValidationException>(() => Symbol.Parse(text));
        Assert.Equal(ErrorCodes.InvalidSymbol, ex.Code);
        Assert.Contains($"'{text}'", ex.Message, StringComparison.Ordinal);
        Assert.False(Symbol.TryParse(text, out _));
    }

    [Fact]
    public void CompareTo_Symbols_OrdersOrdinally()
    {
        Symbol a = Symbol.Parse("XNYS:AA"), b = Symbol.Parse("XNYS:AB"), c = Symbol.Parse("BINANCE:ZZ");
        Assert.True(c < a && a < b);
        Assert.True(b >= a);
    }
}
