using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Tournaments;

namespace QuantFunctions.Core.Tests.Tournaments;

public sealed class ScoreboardTests
{
    private const int Days = 20;

    [Fact]
    public void WindowSharpes_TwoWindows_MatchHandCalculation()
    {
        // Window 0: returns 0.01, 0.03 → mean 0.02, sample sd √((0.01² + 0.01²)/1) = 0.0141421; Sharpe = 0.02/0.0141421·√4 = 2.828427.
        // Window 1: returns −0.01, 0.01 → mean 0 → Sharpe 0. Fragility = sample sd of {2.828427, 0} = 2.828427/√2 = 2.0.
        var s = new CellSeries("c", false, [0.01, 0.03, -0.01, 0.01], [0.01, 0.03, -0.01, 0.01], [1, 0, 0, 0], [0, 0, 1, 1], [15, 15], [true, true]);
        double[] sharpes = Scoreboard.WindowSharpes(s, 4);
        Assert.Equal(2, sharpes.Length);
        Assert.Equal(2.0 * Math.Sqrt(2.0), sharpes[0], 12);
        Assert.Equal(0.0, sharpes[1], 12);
        ScoreboardRow row = Assert.Single(Scoreboard.Rank([s], new ScoreboardGates { MinWindows = 1 }, 4));
        Assert.Equal(2.0, row.Fragility, 12);
    }

    [Fact]
    public void Rank_StrongCellWeakCellAndBaseline_OrdersGatesAndNamesTheStrictCandidate()
    {
        // Strong: 0.02, 0, 0.02, 0 … → mean 0.01, sample sd 0.01·√(20/19) → Sharpe √(252·19/20) = 15.4726 (P = 252); no drawdown.
        // Baseline: 0.01, −0.005, … → mean 0.0025, sd 0.0075·√(20/19) → Sharpe (1/3)·15.4726 = 5.1575.
        CellSeries strong = Series("strong", false, 0.02, 0.0, winners: 15, integrity: true);
        CellSeries weak = Series("weak", false, 0.02, 0.0, winners: 10, integrity: false) with { Id = "weak" };
        CellSeries baseline = Series("baseline_equal_weight", true, 0.01, -0.005, winners: 60, integrity: true);

        IReadOnlyList<ScoreboardRow> rows = Scoreboard.Rank([baseline, weak, strong], new ScoreboardGates(), 252);

        Assert.Equal(["strong", "weak", "baseline_equal_weight"], rows.Select(r => r.Id));
        Assert.Equal([1, 2, 3], rows.Select(r => r.Rank));
        Assert.Equal(Math.Sqrt(252.0 * 19 / 20), rows[0].Sharpe, 9);
        Assert.Equal(Math.Sqrt(252.0 * 19 / 20) / 3, rows[2].Sharpe, 9);
        Assert.True(rows[0].IsStrictCandidate);
        Assert.Equal(["winner_floor", "integrity"], rows[1].FailedGates);
        Assert.False(rows[1].IsStrictCandidate);
        Assert.Empty(rows[2].FailedGates);
        Assert.False(rows[2].IsStrictCandidate);
        Assert.Equal("1 strict candidate(s): strong.", Scoreboard.Verdict(rows));
    }

    [Fact]
    public void Rank_NoCellAboveTheBaseline_SaysSoPlainly()
    {
        CellSeries cell = Series("cell", false, 0.01, -0.005, winners: 15, integrity: true);
        CellSeries baseline = Series("baseline_benchmark", true, 0.02, 0.0, winners: 1, integrity: true);
        IReadOnlyList<ScoreboardRow> rows = Scoreboard.Rank([cell, baseline], new ScoreboardGates(), 252);
        Assert.Equal("baseline_benchmark", rows[0].Id);
        Assert.False(rows[1].BeatsBaselines);
        Assert.Equal("No strict candidate: no cell passed every gate and beat the baselines.", Scoreboard.Verdict(rows));
    }

    [Fact]
    public void WindowOfDay_TrainFourStepTwo_MapsDaysToRebalances()
    {
        // 10 rows, train 4, step = test = 2: rebalances at rows 4, 6, 8 → out-of-sample days 0..5 in windows 0,0,1,1,2,2.
        var dates = new DateOnly[10];
        double[] values = new double[10];
        for (int i = 0; i < 10; i++)
        {
            dates[i] = new DateOnly(2024, 1, 1).AddDays(i);
            values[i] = 0.001 * (i % 3);
        }

        var panel = new ReturnPanel(dates, ["A"], values);
        CellOutcome outcome = CellRunner.RunEqualWeight(panel, CellSimulator.Drift, new WalkForwardOptions { TrainDays = 4, TestDays = 2, StepDays = 2 });
        Assert.Equal([0, 0, 1, 1, 2, 2], CellSeries.WindowOfDay(outcome.Backtest));
        Assert.Equal(3, outcome.Decisions.Count);
    }

    private static CellSeries Series(string id, bool isBaseline, double even, double odd, int winners, bool integrity)
    {
        double[] net = new double[Days];
        int[] window = new int[Days];
        for (int d = 0; d < Days; d++)
        {
            net[d] = d % 2 == 0 ? even : odd;
            window[d] = d / 5;
        }

        int[] w = [15, winners, 15, 15];
        bool[] ok = [true, true, true, integrity];
        return new CellSeries(id, isBaseline, net, net, new double[Days], window, isBaseline ? [winners, winners, winners, winners] : w, ok);
    }
}
