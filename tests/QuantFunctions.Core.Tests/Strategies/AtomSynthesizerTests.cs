using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Tests.Strategies;

public sealed class AtomSynthesizerTests
{
    [Fact]
    public void Synthesize_Short_IsNegatedReturnClippedAtPlus100Percent()
    {
        // Seed 000 §1: R_short = −clip(R, upper = 1.0). A +150% move costs the short at most 100%.
        double[] r = [0.05, -0.02, 1.5, 1.0, double.NaN, -0.99];
        double[] s = new double[r.Length];
        AtomSynthesizer.Synthesize(Direction.Short, r, s);
        Assert.Equal(-0.05, s[0]);
        Assert.Equal(0.02, s[1]);
        Assert.Equal(-1.0, s[2]);
        Assert.Equal(-1.0, s[3]);
        Assert.True(double.IsNaN(s[4]));
        Assert.Equal(0.99, s[5]);
    }

    [Fact]
    public void Synthesize_Long_IsTheReturn()
    {
        double[] r = [0.05, 2.0, double.NaN];
        double[] s = new double[3];
        AtomSynthesizer.Synthesize(Direction.Long, r, s);
        Assert.Equal(0.05, s[0]);
        Assert.Equal(2.0, s[1]);
        Assert.True(double.IsNaN(s[2]));
    }

    [Fact]
    public void SynthesizePanel_LongAndShortAtoms_NamesColumnsByAtomId()
    {
        var a = Symbol.Parse("XNYS:A");
        var panel = new ReturnPanel([new(2024, 1, 2), new(2024, 1, 3)], ["XNYS:A"], [0.1, -0.2]);
        ReturnPanel streams = AtomSynthesizer.SynthesizePanel(panel, [new StrategyAtom(a, "momentum", Direction.Long), new StrategyAtom(a, "momentum", Direction.Short)]);
        Assert.Equal(["momentum/XNYS:A/LONG", "momentum/XNYS:A/SHORT"], streams.Columns);
        Assert.Equal([0.1, -0.2, -0.1, 0.2], streams.Values);
    }

    [Fact]
    public void SynthesizePanel_AssetNotInPanel_ThrowsNamingAtom()
    {
        var panel = new ReturnPanel([new(2024, 1, 2)], ["XNYS:A"], [0.1]);
        var atom = new StrategyAtom(Symbol.Parse("XNYS:B"), "momentum", Direction.Long);
        var ex = Assert.Throws<DomainValidationException>(() => AtomSynthesizer.SynthesizePanel(panel, [atom]));
        Assert.Equal(ErrorCodes.InvalidInput, ex.Code);
        Assert.Contains("momentum/XNYS:B/LONG", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StrategyAtom_UppercaseLogic_Throws()
    {
        Assert.Throws<DomainValidationException>(() => new StrategyAtom(Symbol.Parse("XNYS:A"), "Momentum", Direction.Long));
    }
}
