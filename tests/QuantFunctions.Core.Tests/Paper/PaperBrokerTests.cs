using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Execution;
using QuantFunctions.Core.Paper;
using QuantFunctions.Core.Trading;

namespace QuantFunctions.Core.Tests.Paper;

public sealed class PaperBrokerTests
{
    private static readonly OrderSizingOptions Sizing = new() { Capital = 1, OrderIdPrefix = "x" };

    private static PaperDayInput Day(int day, double open, double close, double weight = 0.5, RiskLimits? limits = null, Friction? friction = null) => new()
    {
        Date = new DateOnly(2024, 1, 1).AddDays(day),
        Open = new Dictionary<string, double> { ["XNYS:A"] = open },
        Close = new Dictionary<string, double> { ["XNYS:A"] = close },
        Targets = new Dictionary<string, double> { ["XNYS:A"] = weight },
        Sizing = Sizing,
        Friction = friction ?? Friction.Tradfi,
        Limits = limits ?? new RiskLimits(),
    };

    [Fact]
    public void Step_FillsAtTheNextOpenWithSlippageAndCommission_ByHand()
    {
        // Day 1 close 100, equity 100 000, target 50 % → buy 500 (pending). Day 2 opens at 102:
        //   fill price 102 × 1.0005 = 102.051, notional 51 025.50, commission 1 bp = 5.10255, slippage cost 500 × 0.051 = 25.50
        //   cash 100 000 − 51 025.50 − 5.10255 = 48 969.39745; equity 100 000 − 30.60255 = 99 969.39745 at the open
        //   close 104: equity + 500 × 2 = 100 969.39745 = cash + 500 × 104.
        PaperDay first = PaperBroker.Step(PaperBook.Open(100_000), Day(1, 100, 100));
        Assert.Empty(first.Fills);
        PlannedOrder pending = Assert.Single(first.Book.Pending);
        Assert.Equal((OrderSide.Buy, 500.0), (pending.Side, pending.Quantity));

        PaperDay second = PaperBroker.Step(first.Book, Day(2, 102, 104));
        PaperFill fill = Assert.Single(second.Fills);
        Assert.Equal(102.051, fill.Fill.Price, 9);
        Assert.Equal(48_969.39745, fill.CashAfter, 6);
        Assert.Equal(99_969.39745, fill.EquityAfter, 6);
        Assert.Equal(100_969.39745, second.Book.Equity, 6);
        Assert.Equal(second.Book.Equity, second.Book.MarkedValue(), 6);
        AssetPnl pnl = Assert.Single(second.Pnl);
        Assert.Equal(1_000.0, pnl.PricePnl, 6);
        Assert.Equal(30.60255, pnl.Costs, 6);
    }

    [Fact]
    public void Step_EveryFillOfAVolatilePath_ConservesEquityToTheCent()
    {
        // Two assets, random walk, weights flipping sign: after every fill cash + Σ units × mark equals the carried equity.
        var random = new Random(7);
        PaperBook book = PaperBook.Open(250_000);
        double a = 50, b = 120;
        int fills = 0;
        for (int day = 1; day <= 60; day++)
        {
            double openA = a * (1 + ((random.NextDouble() - 0.5) * 0.02)), openB = b * (1 + ((random.NextDouble() - 0.5) * 0.02));
            a = openA * (1 + ((random.NextDouble() - 0.5) * 0.04));
            b = openB * (1 + ((random.NextDouble() - 0.5) * 0.04));
            var input = new PaperDayInput
            {
                Date = new DateOnly(2024, 1, 1).AddDays(day),
                Open = new Dictionary<string, double> { ["XNYS:A"] = openA, ["BINANCE:B"] = openB },
                Close = new Dictionary<string, double> { ["XNYS:A"] = a, ["BINANCE:B"] = b },
                Targets = new Dictionary<string, double> { ["XNYS:A"] = day % 3 == 0 ? -0.4 : 0.6, ["BINANCE:B"] = (random.NextDouble() - 0.5) * 0.8 },
                Sizing = Sizing with { Venues = new Dictionary<string, VenueRules> { ["BINANCE"] = new(0.001, 0.01, 5) } },
                Friction = Friction.Crypto,
                Limits = new RiskLimits { MaxDailyLoss = 0.9, MaxDrawdown = 0.9 },
            };
            PaperDay result = PaperBroker.Step(book, input);
            foreach (PaperFill f in result.Fills)
            {
                Assert.True(Math.Abs(f.MarkedValueAfter - f.EquityAfter) < 0.005, $"day {day} {f.OrderId}: marked {f.MarkedValueAfter} vs equity {f.EquityAfter}");
                fills++;
            }

            Assert.True(Math.Abs(result.Book.MarkedValue() - result.Book.Equity) < 0.005);
            book = result.Book;
        }

        Assert.True(fills > 60, $"only {fills} fills");
    }

    [Fact]
    public void Step_PricePathCrossingTheDrawdownLimit_TripsOnThatDayAndNothingFillsAfter()
    {
        // 100 % long from day 2 (50 % targeted after the trip, so the kill switch has sells to refuse). Closes 100, 100, 95, 90, 84, 80: equity ≈ capital × close / 100 (less costs), so the drawdown
        // from the 100 000 peak passes 15 % first at the close of day 5 (84 → ≈ 16.0 %); day 4 (90 → ≈ 10.0 %) stays under.
        var limits = new RiskLimits { MaxDrawdown = 0.15, MaxDailyLoss = 0.5, MaxGrossLeverage = 1.5 };
        double[] closes = [100, 100, 95, 90, 84, 80, 85, 90];
        PaperBook book = PaperBook.Open(100_000);
        var days = new List<PaperDay>();
        for (int i = 0; i < closes.Length; i++)
        {
            PaperDay day = PaperBroker.Step(book, Day(i + 1, i == 0 ? 100 : closes[i - 1], closes[i], weight: i >= 5 ? 0.5 : 1.0, limits: limits, friction: Friction.None));
            days.Add(day);
            book = day.Book;
        }

        Assert.All(days.Take(4), d => Assert.Null(d.Tripped));
        Assert.StartsWith("max_drawdown", days[4].Tripped, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2024, 1, 6), days[4].Book.KillSwitch.Date);
        Assert.All(days.Skip(5), d => Assert.Empty(d.Fills));
        Assert.All(days.Skip(4), d => Assert.Empty(d.Book.Pending));
        Assert.All(days.Skip(5), d => Assert.Contains(d.Rejects, r => r.Reason == "kill_switch"));
    }

    [Fact]
    public void Step_FlattenOnTrip_ClosesEveryPositionAtTheNextOpen()
    {
        var limits = new RiskLimits { MaxDrawdown = 0.05, FlattenOnTrip = true };
        PaperBook book = PaperBook.Open(100_000);
        book = PaperBroker.Step(book, Day(1, 100, 100, 1.0, limits, Friction.None)).Book;
        book = PaperBroker.Step(book, Day(2, 100, 100, 1.0, limits, Friction.None)).Book;
        PaperDay trip = PaperBroker.Step(book, Day(3, 100, 90, 1.0, limits, Friction.None));
        Assert.NotNull(trip.Tripped);
        Assert.Equal(OrderSide.Sell, Assert.Single(trip.Book.Pending).Side);
        PaperDay flat = PaperBroker.Step(trip.Book, Day(4, 91, 92, 1.0, limits, Friction.None));
        Assert.Empty(flat.Book.Positions);
        Assert.Equal(flat.Book.Cash, flat.Book.Equity, 6);
    }

    [Fact]
    public void Resume_ClearsTheSwitchAndRestartsThePeak_AndRefusesWhenNotTripped()
    {
        var limits = new RiskLimits { MaxDrawdown = 0.05 };
        PaperBook book = PaperBroker.Step(PaperBook.Open(100_000), Day(1, 100, 100, 1.0, limits, Friction.None)).Book;
        book = PaperBroker.Step(book, Day(2, 100, 100, 1.0, limits, Friction.None)).Book;
        book = PaperBroker.Step(book, Day(3, 100, 90, 1.0, limits, Friction.None)).Book;
        Assert.True(book.KillSwitch.Tripped);
        PaperBook resumed = PaperBroker.Resume(book);
        Assert.False(resumed.KillSwitch.Tripped);
        Assert.Equal(resumed.Equity, resumed.PeakEquity);
        PaperDay next = PaperBroker.Step(resumed, Day(4, 90, 90, 1.0, limits, Friction.None));
        Assert.Null(next.Tripped);
        Assert.Equal(ErrorCodes.TradingBookState, Assert.Throws<TradingException>(() => PaperBroker.Resume(next.Book)).Code);
    }

    [Fact]
    public void Step_PreTradeLimits_RejectOrdersThatBreakThem()
    {
        // Target 300 % at gross limit 2 → the buy is refused (max_gross_leverage); 50 % with a 10 000 per-asset cap → max_asset_notional.
        PaperDay lev = PaperBroker.Step(PaperBook.Open(100_000), Day(1, 100, 100, 3.0));
        Assert.Equal("max_gross_leverage", Assert.Single(lev.Rejects).Reason);
        Assert.Empty(lev.Book.Pending);
        PaperDay cap = PaperBroker.Step(PaperBook.Open(100_000), Day(1, 100, 100, 0.5, new RiskLimits { MaxAssetNotional = 10_000 }));
        Assert.Equal("max_asset_notional", Assert.Single(cap.Rejects).Reason);
    }

    [Fact]
    public void Step_SameDayTwice_Refused()
    {
        PaperDay day = PaperBroker.Step(PaperBook.Open(100_000), Day(1, 100, 100));
        Assert.Equal(ErrorCodes.TradingBookState, Assert.Throws<TradingException>(() => PaperBroker.Step(day.Book, Day(1, 100, 100))).Code);
    }
}
