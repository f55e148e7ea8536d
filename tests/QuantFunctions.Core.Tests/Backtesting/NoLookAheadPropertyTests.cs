using FsCheck;
using FsCheck.Fluent;
using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.Backtesting;

/// <summary>
/// The walk-forward property of issue 15: perturbing data after row t never changes a decision at or before t, nor
/// any simulator's record of a day before t — for any train / test / step / gap (FsCheck, 200 cases).
/// </summary>
public sealed class NoLookAheadPropertyTests
{
    [Fact]
    public void Plan_DataPerturbedAfterT_DecisionsUpToTAndEarlierDaysUnchanged()
    {
        Gen<(int Seed, int Train, int Test, int Step, int Gap, int Extra)> input =
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from train in Gen.Choose(2, 15)
            from test in Gen.Choose(1, 12)
            from step in Gen.Choose(1, 12)
            from gap in Gen.Choose(0, 4)
            from extra in Gen.Choose(1, 60)
            select (seed, train, test, step, gap, extra);
        Prop.ForAll(input.ToArbitrary(), x =>
        {
            int rows = x.Train + x.Gap + x.Extra;
            ReturnPanel original = SimulationFixtures.RandomPanel(x.Seed, rows, 3);
            var rng = new Random(x.Seed ^ 0x5bd1e995);
            int cut = x.Train + x.Gap + rng.Next(x.Extra);
            double[] perturbed = original.Values.ToArray();
            for (int j = 0; j < 3; j++)
            {
                for (int t = cut; t < rows; t++)
                {
                    perturbed[(j * rows) + t] = (rng.NextDouble() - 0.5) * 0.3;
                }
            }

            ReturnPanel changed = new(original.Dates, original.Columns, perturbed);
            var options = new WalkForwardOptions { TrainDays = x.Train, TestDays = x.Test, StepDays = x.Step, GapDays = x.Gap, BorrowBps = 50, LotSize = 0 };
            WalkForwardPlan a = WalkForwardBacktester.Plan(original, SimulationFixtures.InverseVariance, options);
            WalkForwardPlan b = WalkForwardBacktester.Plan(changed, SimulationFixtures.InverseVariance, options);
            for (int k = 0; k < a.Schedule.Windows.Count; k++)
            {
                if (a.Schedule.Windows[k].DecisionRow <= cut && !a.Targets[k].AsSpan().SequenceEqual(b.Targets[k]))
                {
                    return false;
                }
            }

            int before = cut - a.Schedule.FirstRow;
            foreach (SimulatorId id in new[] { SimulatorId.T1, SimulatorId.T2, SimulatorId.T3 })
            {
                BacktestResult ra = Simulators.Create(id).Simulate(a, prices: null);
                BacktestResult rb = Simulators.Create(id).Simulate(b, prices: null);
                if (!ra.NetReturns.AsSpan(0, before).SequenceEqual(rb.NetReturns.AsSpan(0, before))
                    || !ra.Costs.AsSpan(0, before).SequenceEqual(rb.Costs.AsSpan(0, before)))
                {
                    return false;
                }
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }
}
