using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Execution;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Tests.Market;

namespace QuantFunctions.Core.Tests.Execution;

public sealed class FillModelTests
{
    private static readonly FillModel Tradfi = new(new FillModelOptions());

    [Fact]
    public void Execute_BuyWholeShares_MatchesHandCalculation()
    {
        // Hand calculation, tradfi 5 bp slippage + 1 bp commission, 10.7 shares ordered at open 100:
        // quantity ⌊10.7⌋ = 10; price 100 × 1.0005 = 100.05; notional 1000.5; commission 1000.5 × 1e-4 = 0.10005;
        // cash change −(1000.5 + 0.10005) = −1000.60005; slippage cost 10 × 0.05 = 0.5.
        Fill f = Tradfi.Execute(new Order("AAPL", OrderSide.Buy, 10.7), 100, cash: 5_000, position: 0);

        Assert.True(f.IsFilled);
        Assert.Equal("filled", f.ReasonCode);
        Assert.Equal(10, f.Quantity);
        Approx.Abs(100.05, f.Price, 1e-12, "price");
        Approx.Abs(1000.5, f.Notional, 1e-10, "notional");
        Approx.Abs(0.10005, f.Commission, 1e-13, "commission");
        Approx.Abs(-1000.60005, f.CashChange, 1e-10, "cash");
        Approx.Abs(0.5, f.SlippageCost, 1e-10, "slippage");
        Assert.Equal(10, f.PositionChange);
    }

    [Fact]
    public void Execute_SellCryptoFractional_MatchesHandCalculation()
    {
        // Hand calculation, crypto 10 bp + 4 bp, fractional units: 0.25 BTC sold at 40 000:
        // price 40 000 × 0.999 = 39 960; notional 9 990; commission 9 990 × 4e-4 = 3.996; cash change 9 990 − 3.996 = 9 986.004.
        var model = new FillModel(FillModelOptions.For(AssetType.Crypto));
        Fill f = model.Execute(new Order("BTC-USD", OrderSide.Sell, 0.25), 40_000, cash: 0, position: 1);

        Assert.True(f.IsFilled);
        Assert.Equal(0.25, f.Quantity);
        Approx.Abs(39_960, f.Price, 1e-9, "price");
        Approx.Abs(3.996, f.Commission, 1e-12, "commission");
        Approx.Abs(9_986.004, f.CashChange, 1e-9, "cash");
        Assert.Equal(-0.25, f.PositionChange);
    }

    [Fact]
    public void Execute_LotSizeTen_RoundsDownToWholeLots()
    {
        var model = new FillModel(new FillModelOptions { LotSize = 10, Friction = Friction.None });

        Assert.Equal(20, model.Execute(new Order("X", OrderSide.Buy, 29.99), 1, 1e6, 0).Quantity);
        Assert.Equal(30, model.RoundToLots(30)); // exactly three lots
        Assert.Equal(0.3, new FillModel(new FillModelOptions { LotSize = 0.1 }).RoundToLots(3 * 0.1), 15); // 0.30000000000000004 / 0.1 is not below a lot
    }

    [Theory]
    [InlineData(double.NaN, 10, 1e6, 0, OrderSide.Buy, FillRejection.NoPrice, "no_price")]
    [InlineData(100, 0.9, 1e6, 0, OrderSide.Buy, FillRejection.BelowLot, "below_lot")]
    [InlineData(100, 10, 1000, 0, OrderSide.Buy, FillRejection.InsufficientCash, "insufficient_cash")] // needs 1000.60005
    [InlineData(100, 10, 0, 9, OrderSide.Sell, FillRejection.InsufficientPosition, "insufficient_position")]
    public void Execute_Rejections_CarryReasonAndMoveNothing(double price, double quantity, double cash, double position, OrderSide side, FillRejection reason, string code)
    {
        Fill f = Tradfi.Execute(new Order("X", side, quantity), price, cash, position);

        Assert.False(f.IsFilled);
        Assert.Equal(reason, f.Rejection);
        Assert.Equal(code, f.ReasonCode);
        Assert.Equal((0.0, 0.0, 0.0), (f.Quantity, f.CashChange, f.Commission));
    }

    [Fact]
    public void Execute_MinimumNotionalAndShorting_AppliedAsConfigured()
    {
        var model = new FillModel(new FillModelOptions { MinimumNotional = 500, AllowShort = true });

        Assert.Equal(FillRejection.BelowMinimumNotional, model.Execute(new Order("X", OrderSide.Buy, 4), 100, 1e6, 0).Rejection); // 400 < 500
        Assert.True(model.Execute(new Order("X", OrderSide.Sell, 5), 100, 0, 0).IsFilled); // 500 ≥ 500, a short allowed
    }

    [Fact]
    public void Execute_SameInputs_SameFill()
    {
        var order = new Order("X", OrderSide.Buy, 123.456);

        Assert.Equal(Tradfi.Execute(order, 17.3, 1e5, 2), Tradfi.Execute(order, 17.3, 1e5, 2));
    }

    [Fact]
    public void Execute_BadInput_ThrowsInvalidOrder()
    {
        Assert.Equal(ErrorCodes.InvalidOrder, Assert.Throws<DomainValidationException>(() => Tradfi.Execute(new Order("X", OrderSide.Buy, -1), 10, 1, 0)).Code);
        Assert.Equal(ErrorCodes.InvalidOrder, Assert.Throws<DomainValidationException>(() => Tradfi.Execute(new Order("", OrderSide.Buy, 1), 10, 1, 0)).Code);
        Assert.Equal(ErrorCodes.InvalidOrder, Assert.Throws<DomainValidationException>(() => Tradfi.Execute(new Order("X", OrderSide.Buy, 1), 0, 1, 0)).Code);
        Assert.Equal(ErrorCodes.InvalidOrder, Assert.Throws<DomainValidationException>(() => Tradfi.Execute(new Order("X", OrderSide.Buy, 1), 10, double.NaN, 0)).Code);
        Assert.Equal(ErrorCodes.InvalidFriction, Assert.Throws<DomainValidationException>(() => new FillModel(new FillModelOptions { Friction = new Friction(-1, 0) })).Code);
        Assert.Equal(ErrorCodes.InvalidFriction, Assert.Throws<DomainValidationException>(() => new FillModel(new FillModelOptions { LotSize = -1 })).Code);
    }

    [Fact]
    public void Friction_Defaults_PerAssetClass()
    {
        Assert.Equal((5.0, 1.0), (Friction.For(AssetType.Equity).SlippageBps, Friction.For(AssetType.Equity).CommissionBps));
        Assert.Equal((10.0, 4.0), (Friction.For(AssetType.Crypto).SlippageBps, Friction.For(AssetType.Crypto).CommissionBps));
        Approx.Abs(14e-4, Friction.Crypto.Rate, 1e-18, "crypto rate");
    }

    [Fact]
    public void AffordableBuy_FractionalUnitsWhereTheDivisionOvershootsByAnUlp_FillsInsteadOfInsufficientCash()
    {
        // 835929.34 / (216.95 · 1.0005 · 1.0001) in doubles gives a quantity whose q·p + q·p·k is 1.16e-10 above the cash
        // (found by a seeded search of cash and price pairs): the plain division is rejected, the shaved one fills and
        // leaves at most a few ulps of cash.
        var model = new FillModel(new FillModelOptions { LotSize = 0 });
        const double Cash = 835929.34, Open = 216.95;
        double naive = Cash / (model.FillPrice(OrderSide.Buy, Open) * (1 + 1e-4));
        Assert.Equal(FillRejection.InsufficientCash, model.Execute(new Order("X", OrderSide.Buy, naive), Open, Cash, 0).Rejection);

        double affordable = model.AffordableBuy(Cash, Open);
        Fill fill = model.Execute(new Order("X", OrderSide.Buy, affordable), Open, Cash, 0);

        Assert.True(fill.IsFilled);
        Approx.Abs(0, Cash + fill.CashChange, 1e-9, "cash left");
        Assert.Equal(100.0, new FillModel(new FillModelOptions()).AffordableBuy(10_007, 100)); // whole lots: ⌊10007 / (100.05 · 1.0001)⌋ = 100
    }
}
