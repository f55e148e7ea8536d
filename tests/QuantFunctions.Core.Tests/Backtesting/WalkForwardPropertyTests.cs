using FsCheck;
using FsCheck.Fluent;
using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.Backtesting;

/// <summary>Accounting invariants of the walk-forward backtest on random panels and weights (FsCheck, 100 cases).</summary>
public sealed class WalkForwardPropertyTests
{
    [Fact]
    public void Run_RandomPanelsAndWeights_EquityCompoundsNetAndCostsFollowTurnover()
    {
        Gen<(int Seed, int Rows)> input = from s in Gen.Choose(0, int.MaxValue - 1) from r in Gen.Choose(5, 60) select (s, r);
        Prop.ForAll(input.ToArbitrary(), x =>
        {
            var rng = new Random(x.Seed);
            const int Cols = 3;
            var dates = Enumerable.Range(0, x.Rows).Select(i => new DateOnly(2024, 1, 1).AddDays(i)).ToArray();
            double[] values = Enumerable.Range(0, x.Rows * Cols).Select(_ => rng.NextDouble() < 0.1 ? double.NaN : (rng.NextDouble() - 0.5) * 0.1).ToArray();
            var panel = new ReturnPanel(dates, ["A", "B", "C"], values);
            var options = new WalkForwardOptions { TrainDays = 3, TestDays = 4, StepDays = 4 };
            BacktestResult r = WalkForwardBacktester.Run(panel, _ => [rng.NextDouble() * 0.5, rng.NextDouble() * 0.3, rng.NextDouble() * 0.2], options);
            double equity = 1;
            for (int d = 0; d < r.Dates.Length; d++)
            {
                equity *= 1 + r.NetReturns[d];
                bool costOk = Math.Abs(r.Costs[d] - (r.Turnover[d] * options.CostRate)) < 1e-15 && r.Costs[d] >= 0;
                bool netOk = Math.Abs((1 + r.NetReturns[d]) - ((1 - r.Costs[d]) * (1 + r.GrossReturns[d]))) < 1e-14;
                if (!costOk || !netOk || Math.Abs(equity - r.Equity[d]) > 1e-12 * equity)
                {
                    return false;
                }
            }

            return r.Dates.Length == x.Rows - options.TrainDays && r.Rebalances.Count == (r.Dates.Length + 3) / 4;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));
    }
}
