using FsCheck;
using FsCheck.Fluent;
using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Regime;
using QuantFunctions.Core.Sleeves;
using QuantFunctions.Core.Strategies;

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

    [Fact]
    public void Plan_RegimeCappedSleeve_DataPerturbedAfterT_RegimeAndDecisionsUpToTUnchanged()
    {
        // The backtest's regime caps (validate.backtest): each window allocates under the cap of the regime filtered on its
        // own rows with a fixed registered model. Returns alternate calm (σ 0.5 %) and wild (σ 4 %) blocks of 40 rows so
        // the known regime changes across windows; perturbing rows after t must change neither the regime known at a
        // decision ≤ t nor its weights (FsCheck, 25 cases: each runs the HMM filter and a capped allocation per window).
        RegimeModel model = RegimeDetector.Fit(Blocks(new Random(99), 400, 1), new RegimeOptions { Fit = new HmmFitOptions { States = 2, Restarts = 2, Seed = 5 } });
        var spec = new SleeveSpec { Universe = "u", Engine = "inverse_vol", AllocationLookback = 40 };
        string[] columns = ["X:A", "X:B", "X:C", "X:D", "X:E"];
        StrategyAtom[] atoms = [.. columns.Select(c => new StrategyAtom(Symbol.Parse(c), SleeveStrategy.Logic, Direction.Long))];
        Gen<(int Seed, int Train, int Step, int Extra)> input =
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from train in Gen.Choose(60, 120)
            from step in Gen.Choose(10, 30)
            from extra in Gen.Choose(20, 120)
            select (seed, train, step, extra);
        var labelsSeen = new HashSet<RegimeLabel?>();
        Prop.ForAll(input.ToArbitrary(), x =>
        {
            int rows = x.Train + x.Extra;
            var rng = new Random(x.Seed);
            double[] values = Blocks(rng, rows, columns.Length);
            var original = new ReturnPanel(SelectionDates(rows), columns, values);
            int cut = x.Train + rng.Next(x.Extra);
            double[] perturbed = (double[])values.Clone();
            for (int j = 0; j < columns.Length; j++)
            {
                for (int t = cut; t < rows; t++)
                {
                    perturbed[(j * rows) + t] = (rng.NextDouble() - 0.5) * 0.3;
                }
            }

            var changed = new ReturnPanel(original.Dates, columns, perturbed);
            var options = new WalkForwardOptions { TrainDays = x.Train, TestDays = x.Step, StepDays = x.Step, GapDays = 0, LotSize = 0 };
            (WalkForwardPlan a, List<RegimeLabel?> la) = Capped(original);
            (WalkForwardPlan b, List<RegimeLabel?> lb) = Capped(changed);
            labelsSeen.UnionWith(la);
            for (int k = 0; k < a.Schedule.Windows.Count; k++)
            {
                if (a.Schedule.Windows[k].DecisionRow <= cut && (la[k] != lb[k] || !a.Targets[k].AsSpan().SequenceEqual(b.Targets[k])))
                {
                    return false;
                }
            }

            return true;

            (WalkForwardPlan Plan, List<RegimeLabel?> Labels) Capped(ReturnPanel panel)
            {
                var labels = new List<RegimeLabel?>();
                WalkForwardPlan plan = WalkForwardBacktester.Plan(panel, window =>
                {
                    SleeveConstraintInputs inputs = SleeveConstraintInputs.KnownAt(window, model, spec, "equal_weight:u");
                    labels.Add(inputs.Regime);
                    return SleeveStrategy.Align(SleeveStrategy.Allocate(window, atoms, spec, inputs).Positions, window.Columns);
                }, options);
                return (plan, labels);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(25));
        Assert.Contains(RegimeLabel.Normal, labelsSeen);
        Assert.Contains(RegimeLabel.Crisis, labelsSeen);
    }

    /// <summary>Column-major returns in alternating 40-row blocks: calm (σ ≈ 0.5 %) then wild (σ ≈ 4 %), seeded.</summary>
    private static double[] Blocks(Random rng, int rows, int columns)
    {
        double[] values = new double[rows * columns];
        for (int j = 0; j < columns; j++)
        {
            for (int t = 0; t < rows; t++)
            {
                double scale = (t / 40) % 2 == 0 ? 0.005 : 0.04;
                values[(j * rows) + t] = scale * (rng.NextDouble() - 0.5) * 3.46;
            }
        }

        return values;
    }

    private static DateOnly[] SelectionDates(int rows) => [.. Enumerable.Range(0, rows).Select(i => new DateOnly(2020, 1, 1).AddDays(i))];
}
