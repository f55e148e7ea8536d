using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Execution;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Tests.Market;

namespace QuantFunctions.Core.Tests.Backtesting;

public sealed class SimulatorTests
{
    [Fact]
    public void T1_OverlappingWindows_MostRecentTargetAndTurnoverCosts_HandCalculation()
    {
        // Train 1, test 3, step 2, 5 rows: decisions at rows 1 and 3; the allocator returns [0.8, 0.2] then [0.2, 0.8]
        // (by call order). Stream rows 1..4: days 0, 1 held by decision 0, days 2, 3 by decision 1 (the most recent).
        // Costs 6 bp: c₀ = 1.0 × 6e-4 (from cash), c₂ = (0.6 + 0.6) × 6e-4. Net = Σwr − c.
        ReturnPanel p = SimulationFixtures.Panel(5, ["A", "B"], [0, 0.01, 0.02, 0.03, 0.04, 0, -0.01, -0.02, -0.03, -0.04]);
        int calls = 0;
        WalkForwardPlan plan = WalkForwardBacktester.Plan(p, _ => calls++ == 0 ? [0.8, 0.2] : [0.2, 0.8], new WalkForwardOptions { TrainDays = 1, TestDays = 3, StepDays = 2 });
        BacktestResult r = new VectorisedSimulator().Simulate(plan, null);

        double[] expected =
        [
            (0.8 * 0.01) + (0.2 * -0.01) - 6e-4,
            (0.8 * 0.02) + (0.2 * -0.02),
            (0.2 * 0.03) + (0.8 * -0.03) - (1.2 * 6e-4),
            (0.2 * 0.04) + (0.8 * -0.04),
        ];
        for (int d = 0; d < 4; d++)
        {
            Approx.Abs(expected[d], r.NetReturns[d], 1e-15, $"day {d}");
        }

        Assert.Equal([1.0, 0, 1.2, 0], r.Turnover.Select(x => Math.Round(x, 12)));
        Assert.Equal(SimulatorId.T1, r.Simulator);
        Assert.Equal(2, r.Rebalances.Count);
    }

    [Fact]
    public void T2_BorrowOnShorts_HandCalculation()
    {
        // One window, weights [1.5, −0.5], no trading friction, borrow 252 bp/yr over 252 periods = 1e-4 per day on
        // the short weight: b = 0.5e-4. Day 1: R = 1.5·0.02 − 0.5·0.01 = 0.025; net = 1 + R − b − 1 = 0.02495.
        ReturnPanel p = SimulationFixtures.Panel(2, ["A", "B"], [0, 0.02, 0, 0.01]);
        var options = new WalkForwardOptions { TrainDays = 1, TestDays = 1, StepDays = 1, SlippageBps = 0, CommissionBps = 0, BorrowBps = 252 };
        BacktestResult r = WalkForwardBacktester.Run(p, _ => [1.5, -0.5], options);

        Approx.Abs(0.02495, r.NetReturns[0], 1e-15, "net");
        Approx.Abs(0.5e-4, r.Costs[0], 1e-18, "borrow");
    }

    [Fact]
    public void T2_PartialRebalance_SkipsSmallTradesAndCountsThem()
    {
        // Targets 0.5/0.5 then 0.505/0.495 with a 1 % threshold: the second rebalance moves each weight by less than
        // 0.01 (after drift by zero returns the drifted weights are exactly 0.5), so nothing trades: turnover 0.
        ReturnPanel p = SimulationFixtures.Panel(5, ["A", "B"], new double[10]);
        int calls = 0;
        var options = new WalkForwardOptions { TrainDays = 1, TestDays = 2, StepDays = 2, PartialRebalance = 0.01 };
        BacktestResult r = WalkForwardBacktester.Run(p, _ => calls++ == 0 ? [0.5, 0.5] : [0.505, 0.495], options);

        Assert.Equal(1.0, r.Turnover[0]);
        Assert.Equal(0.0, r.Turnover[2]);
        Assert.Equal(2, r.SkippedTrades);
        Assert.Equal(0.5, r.Weights[2]); // A's start-of-day weight on day 2 kept
    }

    [Fact]
    public void T2_StepAboveTest_FlatInCashBetweenWindows()
    {
        // Train 1, test 1, step 2: day 1 of each step is cash: the book sells out (turnover 1, cost 6e-4) and earns 0.
        ReturnPanel p = SimulationFixtures.Panel(5, ["A"], [0, 0.1, 0.1, 0.1, 0.1]);
        BacktestResult r = WalkForwardBacktester.Run(p, _ => [1.0], new WalkForwardOptions { TrainDays = 1, TestDays = 1, StepDays = 2 });

        Approx.Abs((0.9994 * 1.1) - 1, r.NetReturns[0], 1e-15, "invested");
        Approx.Abs(-6e-4, r.NetReturns[1], 1e-15, "sold to cash, no return");
        Assert.Equal(2, r.CashDays); // days 1 and 3 of 4
        Assert.Equal(2, r.Rebalances.Count);
    }

    [Fact]
    public void T3_WholeShares_HandCalculation()
    {
        // Capital 1000, one asset at open 30 (previous close), weight 1, friction 5 + 1 bp. ĉ = 1 × 6e-4;
        // units ⌊1000 × 0.9994 / 30⌋ = ⌊33.3133⌋ = 33; fill price 30.015; notional 990.495; commission 0.0990495;
        // cash 1000 − 990.5940495 = 9.4059505. Close 31: equity 9.4059505 + 33 × 31 = 1032.4059505.
        var p = SimulationFixtures.Panel(2, ["A"], [0, 31.0 / 30 - 1]);
        var prices = new PriceBook(2, 1, [double.NaN, 30], [30, 31]);
        var options = new WalkForwardOptions { TrainDays = 1, TestDays = 1, StepDays = 1, InitialCapital = 1000 };
        BacktestResult r = WalkForwardBacktester.Run(p, _ => [1.0], options, new EventDrivenSimulator(), prices);

        Approx.Abs(1.0324059505, r.Equity[0], 1e-12, "equity");
        Approx.Abs(33 * 30 / 1000.0, r.Turnover[0], 1e-12, "turnover at the reference price");
        Approx.Abs((0.0990495 + (33 * 0.015)) / 1000, r.Costs[0], 1e-12, "commission + slippage");
        Approx.Abs(990 / 999.4059505, r.Weights[0], 1e-12, "start-of-day weight after trading (cash 9.4059505 + 33 × 30)");
    }

    [Fact]
    public void T3_NoOpenOnTheDecisionDay_OrderRejectedNoPriceAndRecorded()
    {
        // B has no bar on the decision row (NaN open): its buy is rejected (no_price) and B stays unheld; A fills.
        var p = SimulationFixtures.Panel(3, ["A", "B"], [0, 0, 0, 0, double.NaN, 0]);
        BacktestResult r = WalkForwardBacktester.Run(
            p, _ => [0.5, 0.5], new WalkForwardOptions { TrainDays = 1, TestDays = 2, StepDays = 2, LotSize = 0 }, new EventDrivenSimulator(), null);

        RejectedOrder rejected = Assert.Single(r.Rejections);
        Assert.Equal(("B", "no_price", p.Dates[1]), (rejected.Fill.Order.Symbol, rejected.Fill.ReasonCode, rejected.Date));
        Assert.Equal(0.0, r.Weights[2]); // B's weight on day 0
        Assert.True(r.Weights[0] > 0.49);
    }

    [Fact]
    public void T3_LotTooDearOrChangeBelowOneLot_RejectedAndRecorded()
    {
        // Capital 1000, one asset at 2000 with weight 1: ⌊0.9994 × 1000 / 2000⌋ = 0 shares — the order for 0.4997
        // shares is submitted and rejected below_lot; nothing is held, equity stays 1.
        var p = SimulationFixtures.Panel(2, ["A"], [0, 0.01]);
        var prices = new PriceBook(2, 1, [double.NaN, 2000], [2000, 2020]);
        BacktestResult r = WalkForwardBacktester.Run(
            p, _ => [1.0], new WalkForwardOptions { TrainDays = 1, TestDays = 1, StepDays = 1, InitialCapital = 1000 }, new EventDrivenSimulator(), prices);

        RejectedOrder rejected = Assert.Single(r.Rejections);
        Assert.Equal("below_lot", rejected.Fill.ReasonCode);
        Approx.Abs(0.4997, rejected.Fill.Order.Quantity, 1e-12, "submitted quantity");
        Assert.Equal(1.0, r.Equity[0]);
    }

    [Fact]
    public void T3_MismatchedPrices_ThrowsMissingPrices()
    {
        var p = SimulationFixtures.Panel(3, ["A"], [0, 0, 0]);
        var ex = Assert.Throws<DomainValidationException>(() => WalkForwardBacktester.Run(
            p, _ => [1.0], new WalkForwardOptions { TrainDays = 1, TestDays = 1, StepDays = 1 }, new EventDrivenSimulator(), new PriceBook(2, 1, [1, 1], [1, 1])));

        Assert.Equal(ErrorCodes.MissingPrices, ex.Code);
    }

    [Fact]
    public void PriceBook_FromBars_AlignsByDateAndCarriesCloseForward()
    {
        var p = SimulationFixtures.Panel(3, ["X:AAA"], [0, 0, 0]);
        DateOnly[] dates = [p.Dates[0], p.Dates[2]];
        var bars = new BarSeries(Symbol.Parse("X:AAA"), dates, [10, 12], [11, 13], [9, 11], [10.5, 12.5], [1, 1]);
        PriceBook book = PriceBook.FromBars(p, [bars]);

        Assert.Equal((10.0, 10.5), (book.Open(0, 0), book.Close(0, 0)));
        Assert.True(double.IsNaN(book.Open(1, 0)));
        Assert.Equal(10.5, book.Close(1, 0));
        Assert.Equal((12.0, 12.5), (book.Open(2, 0), book.Close(2, 0)));
        Assert.Equal(ErrorCodes.MissingPrices, Assert.Throws<DomainValidationException>(() => PriceBook.FromBars(p, [])).Code);
    }

    [Theory]
    [InlineData("t1", SimulatorId.T1)]
    [InlineData("T2", SimulatorId.T2)]
    [InlineData(" t3 ", SimulatorId.T3)]
    public void Simulators_ParseAndCreate_RoundTrip(string name, SimulatorId id)
    {
        Assert.Equal(id, Simulators.Parse(name));
        Assert.Equal(id, Simulators.Create(id).Id);
        Assert.Equal(name.Trim().ToLowerInvariant(), Simulators.NameOf(id));
    }

    [Fact]
    public void Simulators_UnknownName_ThrowsUnknownSimulator()
    {
        Assert.Equal(ErrorCodes.UnknownSimulator, Assert.Throws<DomainValidationException>(() => Simulators.Parse("t4")).Code);
    }
}
