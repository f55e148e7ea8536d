using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.Backtesting;

/// <summary>SimulatorParity: the simulator matrix sanity a meta run's parity.json records (issue 16).</summary>
public sealed class SimulatorParityTests
{
    [Fact]
    public void Check_InverseVariancePlanWithTradfiFriction_EveryCheckWithinItsBound()
    {
        // Four streams, 60-day train, 10-day windows, 5 + 1 bp: the decisions held daily agree across T1/T2/T3 to 1e-10
        // (equal in exact arithmetic, SimulatorAgreementTests); with friction T3 stays within the derived bound of T2 and
        // really differs from it (the check is not vacuous); friction lowers the Sharpe ratio a little.
        ReturnPanel p = SimulationFixtures.RandomPanel(21, 360, 4, halfWidth: 0.02);
        var options = new WalkForwardOptions { TrainDays = 60, TestDays = 10, StepDays = 10, LotSize = 1 };
        WalkForwardPlan plan = WalkForwardBacktester.Plan(p, SimulationFixtures.InverseVariance, options);

        SimulatorParityReport report = SimulatorParity.Check(plan, maxFrictionDecay: 0.5);

        Assert.Equal(300, report.Days);
        Assert.True(report.FrictionlessMaxDiffT2 <= 1e-10, $"T2 {report.FrictionlessMaxDiffT2:E3}");
        Assert.True(report.FrictionlessMaxDiffT3 <= 1e-10, $"T3 {report.FrictionlessMaxDiffT3:E3}");
        Assert.True(report.FrictionMaxGap > 0, "T2 and T3 should differ with friction");
        Assert.InRange(report.FrictionWorstRatio, 0, 1);
        Assert.True(report.FrictionDecay > 0 && report.FrictionDecay < 0.5, $"decay {report.FrictionDecay}");
        Assert.True(report.WithinBounds);
    }

    [Fact]
    public void Check_DecayAboveTheMaximum_NotWithinBounds()
    {
        // 200 + 100 bp per trade on 10-day rebalances costs far more Sharpe than a 0.01 allowance.
        ReturnPanel p = SimulationFixtures.RandomPanel(5, 300, 3, halfWidth: 0.02);
        var options = new WalkForwardOptions { TrainDays = 60, TestDays = 10, StepDays = 10, SlippageBps = 200, CommissionBps = 100 };
        WalkForwardPlan plan = WalkForwardBacktester.Plan(p, SimulationFixtures.InverseVariance, options);

        SimulatorParityReport report = SimulatorParity.Check(plan, maxFrictionDecay: 0.01);

        Assert.True(report.FrictionlessAgrees);
        Assert.True(report.FrictionDecay > 0.01, $"decay {report.FrictionDecay}");
        Assert.False(report.DecayWithinBound);
        Assert.False(report.WithinBounds);
    }
}
