using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.Backtesting;

public sealed class WalkForwardScheduleTests
{
    [Fact]
    public void Build_StepBelowTest_MostRecentDecisionHoldsEachDay()
    {
        // Train 5, test 10, step 4, 20 rows: decisions at rows 5, 9, 13, 17; the stream is rows 5..19 (15 days).
        var s = WalkForwardSchedule.Build(20, new WalkForwardOptions { TrainDays = 5, TestDays = 10, StepDays = 4 });

        Assert.Equal([5, 9, 13, 17], s.Windows.Select(w => w.DecisionRow));
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3], s.ActiveDecisions.ToArray());
        Assert.Equal((0, 5, 15), (s.Windows[0].TrainStartRow, s.Windows[0].TrainEndRow, s.Windows[0].TestEndRow));
        Assert.Equal(20, s.Windows[3].TestEndRow); // cut at the panel's end
        Assert.Equal(0, s.CashDays);
    }

    [Fact]
    public void Build_StepAboveTest_CashBetweenWindowsCounted()
    {
        // Train 2, test 2, step 3, 10 rows: decisions at 2, 5, 8; day 2 of each 3-day step is cash.
        var s = WalkForwardSchedule.Build(10, new WalkForwardOptions { TrainDays = 2, TestDays = 2, StepDays = 3 });

        Assert.Equal([0, 0, -1, 1, 1, -1, 2, 2], s.ActiveDecisions.ToArray());
        Assert.Equal(2, s.CashDays);
        Assert.Equal([true, false, true, true, false, true, true, false], Enumerable.Range(0, 8).Select(s.IsRebalance));
    }

    [Fact]
    public void Build_Gap_TrainingEndsGapRowsBeforeTheDecision()
    {
        // Train 3, gap 2: the first decision is row 5 and trains on rows 0..2 (rows 3 and 4 are purged).
        var s = WalkForwardSchedule.Build(12, new WalkForwardOptions { TrainDays = 3, TestDays = 4, StepDays = 4, GapDays = 2 });

        Assert.Equal(5, s.FirstRow);
        Assert.Equal((5, 0, 3), (s.Windows[0].DecisionRow, s.Windows[0].TrainStartRow, s.Windows[0].TrainEndRow));
        Assert.Equal((9, 4, 7), (s.Windows[1].DecisionRow, s.Windows[1].TrainStartRow, s.Windows[1].TrainEndRow));
    }

    [Fact]
    public void Build_TooFewRows_ThrowsInsufficientData()
    {
        var ex = Assert.Throws<DomainValidationException>(() => WalkForwardSchedule.Build(5, new WalkForwardOptions { TrainDays = 3, GapDays = 2 }));

        Assert.Equal(ErrorCodes.InsufficientData, ex.Code);
    }

    [Fact]
    public void Plan_AllocatorSeesTrainingRowsOnly_WithTheGap()
    {
        ReturnPanel p = SimulationFixtures.RandomPanel(3, 30, 2);
        var seen = new List<(DateOnly First, DateOnly Last)>();
        WalkForwardPlan plan = WalkForwardBacktester.Plan(
            p, w => { seen.Add((w.Dates[0], w.Dates[^1])); return [0.5, 0.5]; }, new WalkForwardOptions { TrainDays = 10, TestDays = 5, StepDays = 3, GapDays = 2 });

        Assert.Equal(plan.Schedule.Windows.Count, seen.Count);
        for (int k = 0; k < seen.Count; k++)
        {
            WalkForwardWindow w = plan.Schedule.Windows[k];
            Assert.Equal((p.Dates[w.DecisionRow - 12], p.Dates[w.DecisionRow - 3]), seen[k]);
        }
    }
}
