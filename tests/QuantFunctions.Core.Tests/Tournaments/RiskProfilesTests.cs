using QuantFunctions.Core.Tournaments;

namespace QuantFunctions.Core.Tests.Tournaments;

public sealed class RiskProfilesTests
{
    [Fact]
    public void Cap_OneNameOverTheCap_SpreadsTheExcessProRata()
    {
        // Hand calculation: [0.5, 0.3, 0.2] capped at 0.4 → excess 0.1 over the free names' 0.5, scale 1 + 0.1/0.5 = 1.2
        // → [0.4, 0.36, 0.24] (sum 1, none above the cap).
        double[] w = [0.5, 0.3, 0.2];
        RiskProfiles.Cap(w, 0.4);
        Assert.Equal(0.4, w[0], 15);
        Assert.Equal(0.36, w[1], 15);
        Assert.Equal(0.24, w[2], 15);
    }

    [Fact]
    public void Cap_EveryNameOverTheCap_LeavesTheRestInCash()
    {
        double[] w = [0.6, 0.4];
        RiskProfiles.Cap(w, 0.1);
        Assert.Equal([0.1, 0.1], w);
    }

    [Fact]
    public void Apply_MarketNeutral_HalvesBothBooksToZeroNetUnitGross()
    {
        double[] longBook = [0.6, 0.4, 0, 0];
        double[] shortBook = [0, 0, -0.7, -0.3];
        RiskProfiles.Apply(RiskProfiles.MarketNeutral, longBook, shortBook);
        Assert.Equal([0.3, 0.2, -0.35, -0.15], longBook);
    }

    [Fact]
    public void Require_UnknownProfile_ThrowsWithItsCode()
    {
        var ex = Assert.Throws<TournamentException>(() => RiskProfiles.Require("yolo", "cell_x"));
        Assert.Equal("tournament.cell_invalid", ex.Code.Value);
        Assert.Equal("cell_x", ex.Subject);
    }
}
