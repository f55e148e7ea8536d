using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Tests.Market;

namespace QuantFunctions.Core.Tests.Backtesting;

public sealed class WalkForwardBacktesterTests
{
    private static readonly WindowAllocator EqualWeight = window =>
    {
        double[] w = new double[window.ColumnCount];
        Array.Fill(w, 1.0 / window.ColumnCount);
        return w;
    };

    private static ReturnPanel Panel(int rows, string[] columns, double[] values)
    {
        var dates = new DateOnly[rows];
        for (int t = 0; t < rows; t++)
        {
            dates[t] = new DateOnly(2024, 1, 1).AddDays(t);
        }

        return new ReturnPanel(dates, columns, values);
    }

    [Fact]
    public void Run_TwoWindowsEqualWeight_MatchesHandCalculatedFriction()
    {
        // Train 2, test 2, step 2 on 6 rows → rebalances at rows 2 and 4; cost rate (5 + 1) bp = 6e-4.
        ReturnPanel p = Panel(6, ["A", "B"], [0, 0, 0.10, -0.05, 0.02, 0.00, 0, 0, 0.00, 0.04, -0.01, 0.03]);
        BacktestResult r = WalkForwardBacktester.Run(p, EqualWeight, new WalkForwardOptions { TrainDays = 2, TestDays = 2, StepDays = 2 });

        // Hand calculation. Window 1 from cash: τ₁ = 1, c₁ = 6e-4; day 2: R = 0.05, net = 0.9994·1.05 − 1.
        // Day 3: holdings 0.55 (A) and 0.5 (B) per unit of post-cost equity; R = (0.55·−0.05 + 0.5·0.04)/1.05 = −0.0075/1.05.
        // End of window 1: A = 0.5225, B = 0.52 (sum 1.0425) → drifted weights 0.5225/1.0425 and 0.52/1.0425.
        // Window 2: τ₂ = 2·0.00125/1.0425, c₂ = 6e-4·τ₂; day 4: R = 0.005; day 5: R = 0.5·0.99·0.03/1.005.
        double tau2 = 0.0025 / 1.0425, c2 = 6e-4 * tau2;
        Assert.Equal(4, r.Dates.Length);
        Assert.Equal(2, r.Rebalances.Count);
        Approx.Abs(1.0, r.Turnover[0], 1e-15, "τ1");
        Approx.Abs(tau2, r.Turnover[2], 1e-15, "τ2");
        Assert.Equal(0.0, r.Turnover[1]);
        Approx.Abs((0.9994 * 1.05) - 1, r.NetReturns[0], 1e-15, "day 2 net");
        Approx.Abs(-0.0075 / 1.05, r.NetReturns[1], 1e-15, "day 3 net");
        Approx.Abs(((1 - c2) * 1.005) - 1, r.NetReturns[2], 1e-15, "day 4 net");
        Approx.Abs(0.5 * 0.99 * 0.03 / 1.005, r.NetReturns[3], 1e-15, "day 5 net");
        double finalEquity = 0.9994 * 1.0425 * (1 - c2) * 1.005 * (1 + (0.01485 / 1.005));
        Approx.Rel(finalEquity, r.Equity[^1], 1e-14, "final equity");
        Approx.Abs(0.5225 / 1.0425, r.Rebalances[1].DriftedWeights[0], 1e-15, "drifted A");
        Approx.Abs(0.52 / 1.0425, r.Rebalances[1].DriftedWeights[1], 1e-15, "drifted B");
        Assert.Equal(2, r.Rebalances[1].TrainStartRow);
        Assert.Equal(4, r.Rebalances[1].TrainEndRow);
    }

    [Fact]
    public void Run_FutureReturnsChanged_PastWeightsAndEquityUnchanged()
    {
        // A data-dependent test allocator (inverse variance of the training window), so weights would move if it saw the future.
        static double[] InverseVariance(ReturnPanel window)
        {
            double[] w = new double[window.ColumnCount];
            for (int j = 0; j < w.Length; j++)
            {
                double[] c = window.Column(j).ToArray();
                double m = c.Average();
                w[j] = 1.0 / c.Sum(x => (x - m) * (x - m));
            }

            double s = w.Sum();
            return w.Select(x => x / s).ToArray();
        }

        const int Rows = 200, Cols = 5, Cut = 120;
        var rng = new Random(11);
        double[] values = Enumerable.Range(0, Rows * Cols).Select(_ => (rng.NextDouble() - 0.5) * 0.04).ToArray();
        double[] altered = (double[])values.Clone();
        for (int j = 0; j < Cols; j++)
        {
            for (int t = Cut; t < Rows; t++)
            {
                altered[(j * Rows) + t] = (rng.NextDouble() - 0.5) * 0.2;
            }
        }

        string[] cols = ["A", "B", "C", "D", "E"];
        var o = new WalkForwardOptions();
        BacktestResult a = WalkForwardBacktester.Run(Panel(Rows, cols, values), InverseVariance, o);
        BacktestResult b = WalkForwardBacktester.Run(Panel(Rows, cols, altered), InverseVariance, o);
        int comparedRebalances = 0;
        for (int k = 0; k < a.Rebalances.Count; k++)
        {
            if (a.Rebalances[k].Row <= Cut)
            {
                Assert.Equal(a.Rebalances[k].Weights, b.Rebalances[k].Weights);
                comparedRebalances++;
            }
        }

        int pastDays = Cut - o.TrainDays;
        Assert.Equal(a.Equity.AsSpan(0, pastDays).ToArray(), b.Equity.AsSpan(0, pastDays).ToArray());
        Assert.Equal(4, comparedRebalances);
        Assert.NotEqual(a.Equity[^1], b.Equity[^1]);
        Assert.NotEqual(a.Rebalances[^1].Weights, b.Rebalances[^1].Weights);
    }

    [Fact]
    public void Run_AllocatorSeesOnlyTrainingRowsBeforeTheRebalance()
    {
        ReturnPanel p = Panel(100, ["A"], Enumerable.Range(0, 100).Select(i => i * 1e-4).ToArray());
        var seen = new List<(DateOnly First, DateOnly Last, int Rows)>();
        BacktestResult r = WalkForwardBacktester.Run(p, w => { seen.Add((w.Dates[0], w.Dates[^1], w.RowCount)); return [1.0]; }, new WalkForwardOptions());
        Assert.Equal(2, seen.Count);
        Assert.Equal((p.Dates[0], p.Dates[59], 60), seen[0]);
        Assert.Equal((p.Dates[20], p.Dates[79], 60), seen[1]);
        Assert.Equal(40, r.Dates.Length);
        Assert.Equal(p.Dates[60], r.Rebalances[0].Date);
    }

    [Fact]
    public void Run_NaNReturnOnHeldStream_ValuedUnchangedAndCounted()
    {
        ReturnPanel p = Panel(3, ["A", "B"], [0, 0.1, double.NaN, 0, 0.1, 0.1]);
        BacktestResult r = WalkForwardBacktester.Run(p, EqualWeight, new WalkForwardOptions { TrainDays = 1, TestDays = 2, StepDays = 2, SlippageBps = 0, CommissionBps = 0 });

        // Day 2: A unobserved; B's weight after drift is 0.55/1.1 = 0.5 → R = 0.5·0.1.
        Approx.Abs(0.05, r.NetReturns[1], 1e-15, "day 2");
        Assert.Equal([1, 0], r.UnobservedHeldReturns);
    }

    [Fact]
    public void Run_StepZeroOrNegativeGap_ThrowsInvalidWindowsNamingOption()
    {
        ReturnPanel p = Panel(3, ["A"], [0, 0, 0]);
        var step = Assert.Throws<DomainValidationException>(() => WalkForwardBacktester.Run(p, EqualWeight, new WalkForwardOptions { StepDays = 0 }));
        var gap = Assert.Throws<DomainValidationException>(() => WalkForwardBacktester.Run(p, EqualWeight, new WalkForwardOptions { GapDays = -1 }));
        Assert.Equal((ErrorCodes.InvalidWindows, ErrorCodes.InvalidWindows), (step.Code, gap.Code));
        Assert.Contains("StepDays", step.Message, StringComparison.Ordinal);
        Assert.Contains("GapDays", gap.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AllocatorReturnsWrongCount_ThrowsInvalidWeights()
    {
        ReturnPanel p = Panel(3, ["A", "B"], [0, 0, 0, 0, 0, 0]);
        var ex = Assert.Throws<DomainValidationException>(() => WalkForwardBacktester.Run(p, _ => [1.0], new WalkForwardOptions { TrainDays = 1, TestDays = 1, StepDays = 1 }));
        Assert.Equal(ErrorCodes.InvalidWeights, ex.Code);
    }
}
