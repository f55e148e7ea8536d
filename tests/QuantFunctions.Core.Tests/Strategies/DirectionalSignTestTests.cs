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
}
