using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Tournaments;

namespace QuantFunctions.Core.Tests.Tournaments;

public sealed class TournamentCellTests
{
    [Fact]
    public void Parse_FourParts_RoundTrips()
    {
        TournamentCell cell = TournamentCell.Parse("v3_4__hrp__long_only__t2");
        Assert.Equal(new TournamentCell("v3_4", "hrp", "long_only", "t2"), cell);
        Assert.Equal("v3_4__hrp__long_only__t2", cell.Id);
    }

    [Fact]
    public void Parse_SixParts_ReadsLookbackAndStep()
    {
        TournamentCell cell = TournamentCell.Parse("v3_4__hrp__capped__t2__90__10");
        Assert.Equal(90, cell.Lookback);
        Assert.Equal(10, cell.Step);
        Assert.Equal("v3_4__hrp__capped__t2__90__10", cell.Id);
    }

    [Theory]
    [InlineData("v3_4__hrp__t2")]
    [InlineData("v3_4__hrp__capped__t2__90__x")]
    [InlineData("v3_4__hrp__capped__t2__0__10")]
    public void Parse_Malformed_ThrowsCellInvalid(string id)
    {
        var ex = Assert.Throws<TournamentException>(() => TournamentCell.Parse(id));
        Assert.Equal("tournament.cell_invalid", ex.Code.Value);
    }

    [Fact]
    public void Selection_CellsDifferingOnlyInEngineProfileOrSimulator_ShareOne()
    {
        CellSelection a = TournamentCell.Parse("v3_4__hrp__capped__t2__90__10").Selection;
        CellSelection b = TournamentCell.Parse("v3_4__equal_weight__market_neutral__t3__90__10").Selection;
        Assert.Equal(a, b);
        Assert.Equal("v3_4__90__10", a.Id);
        Assert.Equal(a, CellSelection.Parse(a.Id));
        Assert.Equal("v3_4", TournamentCell.Parse("v3_4__hrp__capped__t2").Selection.Id);
        Assert.NotEqual(a, TournamentCell.Parse("v3_4__hrp__capped__t2__90__11").Selection);
    }

    [Fact]
    public void Selection_StepReplacesStepAndTestWindow_LookbackAndFloorFromTheSpecUnlessSet()
    {
        var options = new WalkForwardOptions { TrainDays = 60, TestDays = 20, StepDays = 20 };
        WalkForwardOptions windows = CellSelection.Parse("v2_1__30__7").Windows(options);
        Assert.Equal((60, 7, 7), (windows.TrainDays, windows.TestDays, windows.StepDays));
        Assert.Same(options, CellSelection.Parse("v2_1").Windows(options));
        var spec = new CellSpec { Floor = 9, Lookback = 45 };
        Assert.Equal(("v2.1", 30, 9), (CellSelection.Parse("v2_1__30__7").Options(spec).Standard, CellSelection.Parse("v2_1__30__7").Options(spec).Lookback, CellSelection.Parse("v2_1__30__7").Options(spec).Floor));
        Assert.Equal(45, CellSelection.Parse("v2_1").Options(spec).Lookback);
    }

    [Theory]
    [InlineData("v3_4__30")]
    [InlineData("v3_4__30__0")]
    public void SelectionParse_Malformed_ThrowsCellInvalid(string id) =>
        Assert.Equal("tournament.cell_invalid", Assert.Throws<TournamentException>(() => CellSelection.Parse(id)).Code.Value);

    [Fact]
    public void Run_BooksOfAnotherWindow_FailTheCellNamingTheWindow()
    {
        // 10 rows, train 4, step 3: windows decide on rows 4 and 7 (training windows end on rows 3 and 6).
        DateOnly[] dates = [.. Enumerable.Range(0, 10).Select(i => new DateOnly(2024, 1, 1).AddDays(i))];
        var panel = new ReturnPanel(dates, ["A", "B"], [.. Enumerable.Repeat(0.001, 20)]);
        var options = new WalkForwardOptions { TrainDays = 4, TestDays = 3, StepDays = 3 };
        WindowBooks[] wrong = [new(dates[3], [], []), new(dates[5], [], [])];
        var ex = Assert.Throws<TournamentException>(() => CellRunner.Run(panel, wrong, TournamentCell.Parse("v4__equal_weight__long_only__t1"), new CellSpec(), options));
        Assert.Equal("tournament.cell_invalid", ex.Code.Value);
        Assert.Contains("window ending 2024-01-07 (window 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Require_UnknownSimulator_ThrowsUnknownSimulator()
    {
        var ex = Assert.Throws<DomainValidationException>(() => CellSimulator.Require("t9"));
        Assert.Equal("backtest.unknown_simulator", ex.Code.Value);
    }
}
