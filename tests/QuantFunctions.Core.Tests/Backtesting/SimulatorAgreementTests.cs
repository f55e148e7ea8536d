using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Tests.Market;

namespace QuantFunctions.Core.Tests.Backtesting;

/// <summary>T1, T2 and T3 on the same plan: exact agreement without friction, derived tolerances with it.</summary>
public sealed class SimulatorAgreementTests
{
    private static readonly WindowAllocator LongShort = _ => [0.6, 0.5, -0.3]; // 80 % net, 140 % gross, one short

    [Fact]
    public void Simulate_FrictionlessConstantWeightsDailyRebalance_AllThreeAgreeTo1e10()
    {
        // Constant target weights rebalanced every day (step = test = 1), no friction, fractional units, and prices
        // whose open is the previous close (PriceBook.FromReturns): T1's Σwᵢrᵢ, T2's drift-then-rebalance and T3's units
        // bought at the open all give the same daily return Σwᵢrᵢ — equal in exact arithmetic, so 1e-10 bounds rounding.
        ReturnPanel p = SimulationFixtures.RandomPanel(7, 400, 3, halfWidth: 0.03);
        var options = new WalkForwardOptions { TrainDays = 10, TestDays = 1, StepDays = 1, SlippageBps = 0, CommissionBps = 0, LotSize = 0 };
        WalkForwardPlan plan = WalkForwardBacktester.Plan(p, LongShort, options);

        BacktestResult t1 = Simulators.Create(SimulatorId.T1).Simulate(plan, null);
        BacktestResult t2 = Simulators.Create(SimulatorId.T2).Simulate(plan, null);
        BacktestResult t3 = Simulators.Create(SimulatorId.T3).Simulate(plan, null);

        Assert.Equal(390, t1.NetReturns.Length);
        for (int d = 0; d < t1.NetReturns.Length; d++)
        {
            Approx.Abs(t1.NetReturns[d], t2.NetReturns[d], 1e-10, $"T2 day {d}");
            Approx.Abs(t1.NetReturns[d], t3.NetReturns[d], 1e-10, $"T3 day {d}");
        }

        Approx.Rel(t1.Equity[^1], t2.Equity[^1], 1e-10, "T2 equity");
        Approx.Rel(t1.Equity[^1], t3.Equity[^1], 1e-10, "T3 equity");
        Assert.Empty(t3.Rejections);
    }

    [Fact]
    public void Simulate_FrictionlessSingleAssetLongWindows_AllThreeAgreeTo1e10()
    {
        // One asset at weight 1 cannot drift, so windows of 20 days give the same stream in all three tiers.
        ReturnPanel p = SimulationFixtures.RandomPanel(8, 300, 1);
        var options = new WalkForwardOptions { TrainDays = 20, TestDays = 20, StepDays = 20, SlippageBps = 0, CommissionBps = 0, LotSize = 0 };
        WalkForwardPlan plan = WalkForwardBacktester.Plan(p, _ => [1.0], options);

        double[] e1 = Simulators.Create(SimulatorId.T1).Simulate(plan, null).Equity;
        double[] e2 = Simulators.Create(SimulatorId.T2).Simulate(plan, null).Equity;
        double[] e3 = Simulators.Create(SimulatorId.T3).Simulate(plan, null).Equity;
        for (int d = 0; d < e1.Length; d++)
        {
            Approx.Rel(e1[d], e2[d], 1e-10, $"T2 day {d}");
            Approx.Rel(e1[d], e3[d], 1e-10, $"T3 day {d}");
        }
    }

    [Theory]
    [InlineData(1.0)] // whole shares
    [InlineData(0.0)] // fractional units
    public void Simulate_WithFriction_T2AndT3AgreeWithinTheDerivedBound(double lotSize)
    {
        // Tradfi friction s = 5 bp, k = 1 bp, 60-day train, 10-day windows, prices from 100, capital 10⁶.
        // T3 differs from T2 in exactly three ways at each rebalance k (equity Eₖ, open prices Oᵢ, turnover τₖ):
        //  (1) lots: each holding is below T2's by less than one lot; the difference sits in cash, so while the window
        //      runs the equity differs by less than Σᵢ lot·|Pᵢ,ₜ − Oᵢ| ≤ Σᵢ lot·maxₜ|Pᵢ,ₜ − Oᵢ| (relative: / Eₖ);
        //      the traded notional also differs by < Σᵢ lot·Oᵢ, costing (s + k) of that;
        //  (2) T2 charges c = τ(s + k) on the turnover towards w* although it ends up holding w*(1 − c): T3 trades
        //      the holdings it ends with, a notional difference ≤ c·Σ|w*ᵢ|, costing (s + k)·c·Σ|w*ᵢ|;
        //  (3) T3 pays commission on the slipped price: buys cost O(1 + s)(1 + k), a cross term ≤ s·k·τ.
        // The relative gap opened at rebalance k is at most the sum εₖ of these; gaps carry forward scaled by the
        // portfolio's growth relative to the asset moves, which the factor 2 covers (window moves are < 25 %).
        ReturnPanel p = SimulationFixtures.RandomPanel(21, 360, 4, halfWidth: 0.02);
        var options = new WalkForwardOptions { TrainDays = 60, TestDays = 10, StepDays = 10, LotSize = lotSize };
        WalkForwardPlan plan = WalkForwardBacktester.Plan(p, SimulationFixtures.InverseVariance, options);
        PriceBook prices = PriceBook.FromReturns(p);
        BacktestResult t2 = Simulators.Create(SimulatorId.T2).Simulate(plan, prices);
        BacktestResult t3 = Simulators.Create(SimulatorId.T3).Simulate(plan, prices);

        double s = 5e-4, k = 1e-4, bound = 0, worst = 0;
        int checkedDays = 0;
        foreach (WalkForwardWindow w in plan.Schedule.Windows)
        {
            int d0 = w.DecisionRow - plan.Schedule.FirstRow;
            double equity = options.InitialCapital * (d0 == 0 ? 1 : t3.Equity[d0 - 1]);
            RebalanceRecord r = t2.Rebalances[w.Index];
            double lots = 0, lotNotional = 0;
            for (int i = 0; i < p.ColumnCount; i++)
            {
                double open = prices.Open(w.DecisionRow, i), move = 0;
                for (int t = w.DecisionRow; t < w.TestEndRow; t++)
                {
                    move = Math.Max(move, Math.Abs(prices.Close(t, i) - open));
                }

                lots += lotSize * move;
                lotNotional += lotSize * open;
            }

            double grossTarget = r.Weights.Sum(Math.Abs);
            bound += 2 * (((lots + ((s + k) * lotNotional)) / equity) + ((s + k) * r.Cost * grossTarget) + (s * k * r.Turnover));
            for (int d = d0; d < w.TestEndRow - plan.Schedule.FirstRow; d++)
            {
                double gap = Math.Abs((t3.Equity[d] / t2.Equity[d]) - 1);
                worst = Math.Max(worst, gap / bound);
                Assert.True(gap <= bound, $"day {d}: |E3/E2 − 1| = {gap:E3} above the derived bound {bound:E3}");
                checkedDays++;
            }
        }

        Assert.Equal(t2.Dates.Length, checkedDays);
        Assert.NotEqual(t2.Equity[^1], t3.Equity[^1]); // the tiers really differ: the bound is not vacuous
        Assert.True(bound < (lotSize > 0 ? 0.02 : 1e-5), $"bound {bound:E3}");
        Assert.All(t3.Rejections, r => Assert.Equal("below_lot", r.Fill.ReasonCode)); // changes under one share, recorded
    }
}
