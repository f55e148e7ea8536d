using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Tests.Market;
using QuantFunctions.Core.Selection;

namespace QuantFunctions.Core.Tests.Selection;

public sealed class MomentumSelectorTests
{
    private static ReturnPanel Panel(string[] columns, params double[][] columnValues)
    {
        int rows = columnValues[0].Length;
        var dates = new DateOnly[rows];
        for (int t = 0; t < rows; t++)
        {
            dates[t] = new DateOnly(2024, 1, 1).AddDays(t);
        }

        return new ReturnPanel(dates, columns, columnValues.SelectMany(c => c).ToArray());
    }

    [Fact]
    public void Select_ConstantReturns_RanksByCompoundedWindowWithSymbolTieBreak()
    {
        // 5 rows; decision at row 4, Lookback 3, Skip 1 → window rows [0, 3). Row 3 (skipped) is huge to prove it is ignored.
        ReturnPanel p = Panel(
            ["X:D", "X:C", "X:B", "X:A"],
            [0.02, 0.02, 0.02, -0.9, 9],
            [0.01, 0.01, 0.01, 5, 9],
            [0.01, 0.01, 0.01, 5, 9],
            [-0.01, -0.01, -0.01, 5, 9]);
        SelectionResult s = MomentumSelector.Select(p, 4, new MomentumOptions { Lookback = 3, Skip = 1, TopN = 2, BottomN = 1 });

        // Hand calculation: 1.02³ − 1 = 0.061208; 1.01³ − 1 = 0.030301; 0.99³ − 1 = −0.029701.
        Assert.Equal(["X:D", "X:B"], s.Long);
        Assert.Equal(["X:A"], s.Short);
        Assert.Equal(new DateOnly(2024, 1, 4), s.AsOf);
        Assert.Equal(["X:D", "X:B", "X:C", "X:A"], s.Scores.Select(x => x.Column));
        Assert.Equal([1, 2, 3, 4], s.Scores.Select(x => x.Rank));
        Approx.Abs(0.061208, s.Scores[0].Score, 1e-12, "D");
        Approx.Abs(0.030301, s.Scores[1].Score, 1e-12, "B");
        Approx.Abs(-0.029701, s.Scores[3].Score, 1e-12, "A");
    }

    [Fact]
    public void Select_TiedWorstScores_ShortListsWorstFirstThenByName()
    {
        ReturnPanel p = Panel(["X:C", "X:B", "X:A", "X:D"], [-0.02, -0.02], [-0.02, -0.02], [-0.01, -0.01], [0.05, 0.05]);
        SelectionResult s = MomentumSelector.Select(p, 2, new MomentumOptions { Lookback = 2, TopN = 1, BottomN = 3 });
        Assert.Equal(["X:D"], s.Long);
        Assert.Equal(["X:B", "X:C", "X:A"], s.Short);
    }

    [Fact]
    public void Select_TooFewObservations_MarksIneligibleWithoutZeroFilling()
    {
        ReturnPanel p = Panel(["X:A", "X:B"], [0.01, double.NaN, double.NaN, 0.01], [0.01, 0.01, double.NaN, 0.01]);
        SelectionResult s = MomentumSelector.Select(p, 4, new MomentumOptions { Lookback = 4, TopN = 1, BottomN = 1, MinObservedFraction = 0.75 });
        Assert.Equal(["X:B"], s.Long);
        Assert.Empty(s.Short);
        MomentumScore a = s.Scores.Single(x => x.Column == "X:A");
        Assert.False(a.Eligible);
        Assert.Equal(2, a.Observations);
        Assert.True(double.IsNaN(a.Score));
        Approx.Abs((1.01 * 1.01 * 1.01) - 1, s.Scores[0].Score, 1e-15, "B skips its NaN row");
    }

    [Fact]
    public void Select_FutureRowsChanged_SameResult()
    {
        ReturnPanel p1 = Panel(["X:A", "X:B"], [0.01, 0.02, 0.03, 0.5], [0.02, 0.01, 0.00, -0.5]);
        ReturnPanel p2 = Panel(["X:A", "X:B"], [0.01, 0.02, 0.03, -0.5], [0.02, 0.01, 0.00, 0.5]);
        var o = new MomentumOptions { Lookback = 3, TopN = 1, BottomN = 1 };
        Assert.Equal(MomentumSelector.Select(p1, 3, o).Scores, MomentumSelector.Select(p2, 3, o).Scores);
    }

    [Fact]
    public void Select_NotEnoughHistory_ThrowsInsufficientData()
    {
        ReturnPanel p = Panel(["X:A"], [0.01, 0.02]);
        var ex = Assert.Throws<DomainValidationException>(() => MomentumSelector.Select(p, 2, new MomentumOptions { Lookback = 2, Skip = 1 }));
        Assert.Equal(ErrorCodes.InsufficientData, ex.Code);
    }
}
