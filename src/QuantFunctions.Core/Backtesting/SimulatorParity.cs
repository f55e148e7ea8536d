using QuantFunctions.Core.Performance;

namespace QuantFunctions.Core.Backtesting;

/// <summary>
/// The simulator matrix sanity of a run's decisions (seed 002 §4 "simulator matrix sanity"): the plan's targets
/// re-simulated by T1, T2 and T3.
/// <list type="number">
/// <item>Frictionless agreement: each decision's target held with a daily rebalance (step = test = 1), no friction, no
/// borrow, fractional units, prices whose open is the previous close — the three tiers then give the same daily return
/// Σwᵢrᵢ in exact arithmetic, so they must agree to <see cref="FrictionlessTolerance"/> (rounding).</item>
/// <item>With friction: the plan as decided, with its slippage and commission (fractional units, no borrow, no
/// <c>partial_rebalance</c>), T3's equity within the bound derived in <c>SimulatorAgreementTests</c> of T2's: at each
/// rebalance the relative gap may grow by 2·((s + k)·c·Σ|w*ᵢ| + s·k·τ) (T2 charges the cost c on the turnover towards
/// w* but holds w*; T3 pays commission on the slipped price), where s, k are the slippage and commission rates, c the
/// rebalance's cost and τ its turnover.</item>
/// <item>Friction decay: T2's gross minus net Sharpe ratio is finite, not negative, and at most the given maximum.</item>
/// </list>
/// </summary>
public static class SimulatorParity
{
    /// <summary>The frictionless agreement bound: the three tiers compute the same sum in different orders.</summary>
    public const double FrictionlessTolerance = 1e-10;

    /// <summary>Runs the three checks on <paramref name="plan"/>.</summary>
    /// <param name="plan">The run's decisions (panel, schedule, targets) and its friction.</param>
    /// <param name="maxFrictionDecay">The largest friction decay (Sharpe points) accepted.</param>
    /// <returns>The measurements and bounds.</returns>
    public static SimulatorParityReport Check(WalkForwardPlan plan, double maxFrictionDecay)
    {
        ArgumentNullException.ThrowIfNull(plan);
        WalkForwardOptions frictionless = plan.Options with { SlippageBps = 0, CommissionBps = 0, BorrowBps = 0, PartialRebalance = 0, LotSize = 0, MinimumNotional = 0, TestDays = 1, StepDays = 1 };
        WalkForwardPlan daily = Daily(plan, frictionless);
        PriceBook prices = PriceBook.FromReturns(plan.Panel);
        double[] r1 = Simulators.Create(SimulatorId.T1).Simulate(daily, prices).NetReturns;
        double[] r2 = Simulators.Create(SimulatorId.T2).Simulate(daily, prices).NetReturns;
        double[] r3 = Simulators.Create(SimulatorId.T3).Simulate(daily, prices).NetReturns;
        double diff2 = 0, diff3 = 0;
        for (int d = 0; d < r1.Length; d++)
        {
            diff2 = Math.Max(diff2, Math.Abs(r2[d] - r1[d]));
            diff3 = Math.Max(diff3, Math.Abs(r3[d] - r1[d]));
        }

        WalkForwardOptions withFriction = plan.Options with { BorrowBps = 0, PartialRebalance = 0, LotSize = 0, MinimumNotional = 0 };
        WalkForwardPlan traded = plan with { Options = withFriction };
        BacktestResult t2 = Simulators.Create(SimulatorId.T2).Simulate(traded, prices);
        BacktestResult t3 = Simulators.Create(SimulatorId.T3).Simulate(traded, prices);
        (double gap, double worst, double bound) = FrictionGap(traded, t2, t3);
        var performance = new PerformanceOptions { PeriodsPerYear = plan.Options.PeriodsPerYear };
        double gross = PerformanceCalculator.Compute(t2.GrossReturns, performance).Sharpe;
        double net = PerformanceCalculator.Compute(t2.NetReturns, performance).Sharpe;
        return new SimulatorParityReport(r1.Length, diff2, diff3, FrictionlessTolerance, gap, worst, bound, gross, net, maxFrictionDecay);
    }

    // The plan's decisions held with a daily rebalance: day d holds the target of the decision active on d (cash: zeros).
    private static WalkForwardPlan Daily(WalkForwardPlan plan, WalkForwardOptions options)
    {
        var schedule = WalkForwardSchedule.Build(plan.Panel.RowCount, options);
        ReadOnlySpan<int> active = plan.Schedule.ActiveDecisions;
        var targets = new double[schedule.Windows.Count][];
        for (int d = 0; d < targets.Length; d++)
        {
            targets[d] = active[d] >= 0 ? plan.Targets[active[d]] : new double[plan.Panel.ColumnCount];
        }

        return new WalkForwardPlan(plan.Panel, options, schedule, targets);
    }

    // Max |E3/E2 − 1|, max gap / bound, and the bound at the end (the derivation in the type's remarks).
    private static (double Gap, double Worst, double Bound) FrictionGap(WalkForwardPlan plan, BacktestResult t2, BacktestResult t3)
    {
        double s = plan.Options.Friction.SlippageRate, k = plan.Options.Friction.CommissionRate, bound = 0, gap = 0, worst = 0;
        int first = plan.Schedule.FirstRow, rebalance = 0;
        foreach (WalkForwardWindow w in plan.Schedule.Windows)
        {
            int d0 = w.DecisionRow - first;
            while (rebalance < t2.Rebalances.Count && t2.Rebalances[rebalance].Row < w.DecisionRow)
            {
                rebalance++;
            }

            if (rebalance < t2.Rebalances.Count && t2.Rebalances[rebalance].Row == w.DecisionRow)
            {
                RebalanceRecord r = t2.Rebalances[rebalance];
                double grossTarget = 0;
                foreach (double x in r.Weights)
                {
                    grossTarget += Math.Abs(x);
                }

                bound += 2 * (((s + k) * r.Cost * grossTarget) + (s * k * r.Turnover));
            }

            for (int d = d0; d < w.TestEndRow - first; d++)
            {
                double g = Math.Abs((t3.Equity[d] / t2.Equity[d]) - 1);
                gap = Math.Max(gap, g);
                worst = Math.Max(worst, g == 0 ? 0 : bound > 0 ? g / bound : double.PositiveInfinity);
            }
        }

        return (gap, worst, bound);
    }
}
