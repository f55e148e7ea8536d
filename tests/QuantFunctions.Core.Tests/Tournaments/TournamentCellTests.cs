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
    public void Require_UnknownSimulator_ThrowsUnknownSimulator()
    {
        var ex = Assert.Throws<DomainValidationException>(() => CellSimulator.Require("t9"));
        Assert.Equal("backtest.unknown_simulator", ex.Code.Value);
    }
}
