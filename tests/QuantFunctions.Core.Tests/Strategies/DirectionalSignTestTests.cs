using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Tests.Strategies;

public sealed class DirectionalSignTestTests
{
    [Fact]
    public void Check_ShortSleeveWithShortAtomsAndNegativePositions_Passes()
    {
        SignTestResult r = DirectionalSignTest.Check("crypto_short", Direction.Short, ["A", "B"], [Direction.Short, Direction.Short], [0.6, 0.4], ["A", "B"], [-0.6, -0.4]);
        Assert.True(r.Passed);
        Assert.Equal((2, 0, 2, 0), (r.PreChecked, r.PreViolations, r.PostChecked, r.PostViolations));
        DirectionalSignTest.EnsurePassed([r]);
    }

    [Fact]
    public void Check_ShortSleeveHoldingALongPosition_FailsNamingSleeveAndSymbol()
    {
        SignTestResult ok = DirectionalSignTest.Check("crypto_long", Direction.Long, ["A"], [Direction.Long], [1.0], ["A"], [1.0]);
        SignTestResult bad = DirectionalSignTest.Check("crypto_short", Direction.Short, ["A", "B"], [Direction.Short, Direction.Long], [0.5, 0.5], ["A", "B"], [-0.5, 0.5]);

        Assert.False(bad.Passed);
        Assert.Equal(1, bad.PreViolations);
        Assert.Equal(1, bad.PostViolations);
        var ex = Assert.Throws<MetaGateException>(() => DirectionalSignTest.EnsurePassed([ok, bad]));
        Assert.Equal("meta.sign_test_failed", ex.Code.Value);
        Assert.Equal("crypto_short", ex.Subject);
        Assert.Contains("atom B is Long", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MissingPostArtifact_FailsBecauseUntestedIsNotPassed()
    {
        SignTestResult r = DirectionalSignTest.Check("s", Direction.Long, ["A"], [Direction.Long], [1.0], null, []);
        Assert.False(r.Passed);
        Assert.Equal(-1, r.PostChecked);
        Assert.Contains("positions) is missing", r.FirstViolation, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TwoBooks_EachAtomAgainstItsOwnBook_Passes()
    {
        // A market-neutral sleeve declared LONG: its SHORT book is not a violation; each position points its atom's way.
        SignTestResult r = DirectionalSignTest.Check("mn", Direction.Long, ["A", "B"], [Direction.Long, Direction.Short], [0.6, 0.4], ["A", "B"], [0.6, -0.4], twoBooks: true);
        Assert.True(r.Passed);
        Assert.Equal("LONG_SHORT", r.DeclaredName);
        // The same artifacts under a single-direction LONG declaration fail: B is a SHORT atom and a negative position.
        Assert.Equal((1, 1), (DirectionalSignTest.Check("mn", Direction.Long, ["A", "B"], [Direction.Long, Direction.Short], [0.6, 0.4], ["A", "B"], [0.6, -0.4]) is var single ? (single.PreViolations, single.PostViolations) : default));
    }

    [Theory]
    [InlineData(new[] { "A", "A" }, new[] { "A" }, new[] { 0.2 }, "in both the LONG and the SHORT book")]
    [InlineData(new[] { "A", "B" }, new[] { "A", "B" }, new[] { 0.5, 0.5 }, "position B has weight 0.5")]
    [InlineData(new[] { "A", "B" }, new[] { "A", "B", "C" }, new[] { 0.5, -0.5, 0.0 }, "position C belongs to neither book")]
    public void Check_TwoBooks_SharedNameWrongWayOrOrphan_Fails(string[] atoms, string[] positions, double[] netWeights, string violation)
    {
        SignTestResult r = DirectionalSignTest.Check("mn", Direction.Long, atoms, [Direction.Long, Direction.Short], [0.6, 0.4], positions, netWeights, twoBooks: true);
        Assert.False(r.Passed);
        Assert.Contains(violation, r.FirstViolation, StringComparison.Ordinal);
    }
}
