using FsCheck;
using FsCheck.Fluent;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Execution;
using QuantFunctions.Core.Trading;

namespace QuantFunctions.Core.Tests.Trading;

public sealed class OrderSizerTests
{
    private static readonly Dictionary<string, VenueRules> Venues = new(StringComparer.Ordinal)
    {
        ["BINANCE"] = new VenueRules(0.001, 0.01, 10),
        ["XNYS"] = new VenueRules(1, 0.01, 1),
    };

    private static OrderSizingOptions Options(double capital = 100_000, double partial = 0) =>
        new() { Capital = capital, PartialRebalance = partial, Venues = Venues, OrderIdPrefix = "20240103" };

    [Fact]
    public void Plan_FlatBook_SizesWholeSharesAndFractionalCoinsByHand()
    {
        // Hand calculation, capital 100 000:
        //   XNYS:AAA  w 0.30 at 33.00 → 30 000 / 33 = 909.09… shares → 909 whole shares (notional 29 997.00)
        //   BINANCE:BTC w 0.25 at 42 000 → 25 000 / 42 000 = 0.595238… → 0.595 at lot 0.001 (notional 24 990.00)
        //   XNYS:SHRT w -0.10 at 20.00 → -500 shares, a sell
        var targets = new Dictionary<string, double> { ["XNYS:AAA"] = 0.30, ["BINANCE:BTC"] = 0.25, ["XNYS:SHRT"] = -0.10 };
        var prices = new Dictionary<string, double> { ["XNYS:AAA"] = 33.0, ["BINANCE:BTC"] = 42_000, ["XNYS:SHRT"] = 20.0 };
        OrderPlan plan = OrderSizer.Plan(targets, new Dictionary<string, double>(), prices, Options());

        Assert.Equal(["XNYS:SHRT", "BINANCE:BTC", "XNYS:AAA"], plan.Orders.Select(o => o.Symbol));
        Assert.Equal([OrderSide.Sell, OrderSide.Buy, OrderSide.Buy], plan.Orders.Select(o => o.Side));
        Assert.Equal(500, plan.Orders[0].Quantity);
        Assert.Equal(0.595, plan.Orders[1].Quantity, 12);
        Assert.Equal(24_990.0, plan.Orders[1].Notional, 6);
        Assert.Equal(909, plan.Orders[2].Quantity);
        Assert.Equal(29_997.0, plan.Orders[2].Notional, 6);
        Assert.Equal([1, 2, 3], plan.Orders.Select(o => o.Sequence));
        Assert.All(plan.Orders, o => Assert.Matches("^20240103-000[1-3]-[0-9a-f]{8}$", o.OrderId));
    }

    [Fact]
    public void Plan_CurrentHoldings_TradesOnlyTheDeltaAndClosesWhatIsNoLongerTargeted()
    {
        // Held 1 000 AAA at 10 (10 000 = 10 % of 100 000) and 50 OLD; target AAA 15 % → +500, OLD absent → sell 50.
        var holdings = new Dictionary<string, double> { ["XNYS:AAA"] = 1_000, ["XNYS:OLD"] = 50 };
        var prices = new Dictionary<string, double> { ["XNYS:AAA"] = 10.0, ["XNYS:OLD"] = 7.0 };
        OrderPlan plan = OrderSizer.Plan(new Dictionary<string, double> { ["XNYS:AAA"] = 0.15 }, holdings, prices, Options());

        Assert.Equal([("XNYS:OLD", OrderSide.Sell, 50.0), ("XNYS:AAA", OrderSide.Buy, 500.0)], plan.Orders.Select(o => (o.Symbol, o.Side, o.Quantity)));
        OrderDecision old = plan.Decisions.Single(d => d.Symbol == "XNYS:OLD");
        Assert.Equal(0.0, old.TargetWeight);
        Assert.Equal(50, old.CurrentQuantity);
        Assert.Equal(-50, old.DeltaQuantity);
    }

    [Fact]
    public void Plan_SmallDeltas_SkippedWithTheirReason()
    {
        // capital 100 000, partial_rebalance 1 % → trades under 1 000 skipped.
        //   XNYS:A: held 100 at 50, target 5.2 % → 104 shares, delta +4 (200 < 1 000) → below_partial_rebalance
        //   XNYS:B: held 200 at 50, target 10 % → 200 shares, delta 0 → zero_lots
        //   BINANCE:C: threshold off; target 0.008 % = 8 → 0.002 coins at 4 000 (2 lots), 8 < venue minimum 10 → below_min_notional
        var prices = new Dictionary<string, double> { ["XNYS:A"] = 50, ["XNYS:B"] = 50, ["BINANCE:C"] = 4_000 };
        OrderPlan withThreshold = OrderSizer.Plan(
            new Dictionary<string, double> { ["XNYS:A"] = 0.052, ["XNYS:B"] = 0.10 },
            new Dictionary<string, double> { ["XNYS:A"] = 100, ["XNYS:B"] = 200 }, prices, Options(partial: 0.01));
        Assert.Empty(withThreshold.Orders);
        Assert.Equal(OrderSkipReason.BelowPartialRebalance, withThreshold.Decisions.Single(d => d.Symbol == "XNYS:A").SkipReason);
        Assert.Equal(OrderSkipReason.ZeroLots, withThreshold.Decisions.Single(d => d.Symbol == "XNYS:B").SkipReason);
        Assert.Equal(1, withThreshold.SkippedFor(OrderSkipReason.ZeroLots));

        OrderPlan minimum = OrderSizer.Plan(new Dictionary<string, double> { ["BINANCE:C"] = 0.00008 }, new Dictionary<string, double>(), prices, Options());
        Assert.Equal(OrderSkipReason.BelowMinNotional, minimum.Decisions.Single().SkipReason);
        Assert.Empty(minimum.Orders);
    }

    [Fact]
    public void Plan_LimitPrice_OnTheVenueTickGrid()
    {
        // 101.2345 on a 0.01 grid → 101.23 (nearest tick); on a 0.05 grid (default venue rules below) → 101.25.
        var prices = new Dictionary<string, double> { ["XNYS:A"] = 101.2345, ["OTHER:B"] = 101.2345 };
        OrderSizingOptions options = Options() with { DefaultVenue = new VenueRules(1, 0.05, 0) };
        OrderPlan plan = OrderSizer.Plan(new Dictionary<string, double> { ["XNYS:A"] = 0.1, ["OTHER:B"] = 0.1 }, new Dictionary<string, double>(), prices, options);
        Assert.Equal(101.25, plan.Orders.Single(o => o.Symbol == "OTHER:B").LimitPrice, 10);
        Assert.Equal(101.23, plan.Orders.Single(o => o.Symbol == "XNYS:A").LimitPrice, 10);
    }

    [Fact]
    public void Plan_SameInputsInAnyDictionaryOrder_IdenticalOrders()
    {
        var a = new Dictionary<string, double> { ["XNYS:B"] = 0.2, ["XNYS:A"] = 0.3, ["BINANCE:Z"] = -0.1 };
        var b = new Dictionary<string, double> { ["BINANCE:Z"] = -0.1, ["XNYS:A"] = 0.3, ["XNYS:B"] = 0.2 };
        var prices = new Dictionary<string, double> { ["XNYS:A"] = 12.5, ["XNYS:B"] = 99.1, ["BINANCE:Z"] = 3.3 };
        OrderPlan first = OrderSizer.Plan(a, new Dictionary<string, double>(), prices, Options());
        OrderPlan second = OrderSizer.Plan(b, new Dictionary<string, double>(), prices, Options());
        Assert.Equal(first.Orders, second.Orders);
        Assert.Equal(first.Decisions, second.Decisions);
    }

    [Fact]
    public void Plan_AnyTargets_HoldingsAfterTheOrdersWithinHalfALotOfTheTarget()
    {
        // Property: for traded symbols, |current + signed order quantity − weight × capital / price| ≤ lot / 2 (+ 1e-9).
        Arbitrary<(int Seed, int N)> cases = Gen.Choose(1, 1_000_000).SelectMany(seed => Gen.Choose(1, 30).Select(n => (seed, n))).ToArbitrary();
        Check.QuickThrowOnFailure(Prop.ForAll(cases, c =>
        {
            var random = new Random(c.Seed);
            var targets = new Dictionary<string, double>();
            var holdings = new Dictionary<string, double>();
            var prices = new Dictionary<string, double>();
            for (int i = 0; i < c.N; i++)
            {
                string symbol = (i % 2 == 0 ? "XNYS:S" : "BINANCE:S") + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                targets[symbol] = (random.NextDouble() - 0.3) * 0.2;
                holdings[symbol] = Math.Round((random.NextDouble() - 0.5) * 2_000);
                prices[symbol] = 1 + (random.NextDouble() * 500);
            }

            OrderPlan plan = OrderSizer.Plan(targets, holdings, prices, Options(capital: 1_000_000));
            foreach (PlannedOrder o in plan.Orders)
            {
                double lot = Venues[o.Symbol.Split(':')[0]].LotSize;
                double after = holdings[o.Symbol] + (o.Side == OrderSide.Buy ? o.Quantity : -o.Quantity);
                double target = targets[o.Symbol] * 1_000_000 / prices[o.Symbol];
                if (Math.Abs(after - target) > (lot / 2) + 1e-9)
                {
                    return false;
                }
            }

            return true;
        }));
    }

    [Fact]
    public void Plan_MissingPrice_FailsWithItsCode()
    {
        var ex = Assert.Throws<TradingException>(() => OrderSizer.Plan(
            new Dictionary<string, double> { ["XNYS:A"] = 0.1 }, new Dictionary<string, double>(), new Dictionary<string, double>(), Options()));
        Assert.Equal(ErrorCodes.TradingMissingPrice, ex.Code);
        var bad = Assert.Throws<TradingException>(() => OrderSizer.Plan(
            new Dictionary<string, double> { ["XNYS:A"] = double.NaN }, new Dictionary<string, double>(), new Dictionary<string, double> { ["XNYS:A"] = 1 }, Options()));
        Assert.Equal(ErrorCodes.TradingInvalidInput, bad.Code);
        Assert.Equal(ErrorCodes.TradingInvalidInput, Assert.Throws<TradingException>(() => Options(partial: 1).Validate()).Code);
    }
}
