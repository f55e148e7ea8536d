using FsCheck;
using FsCheck.Fluent;
using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.Features;

public sealed class PointInTimeTests
{
    [Fact]
    public void KnownAt_DailyBarWithLag_IsClosePlusLag()
    {
        // Daily crypto bar stamped 2024-03-01T00:00Z closes at 2024-03-02T00:00Z; a 2 h publication lag → 02:00Z.
        var policy = new KnownAtPolicy { Lag = TimeSpan.FromHours(2) };
        var ts = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2024, 3, 2, 2, 0, 0, TimeSpan.Zero), policy.KnownAt(ts));

        // Equity session closing at 21:00 UTC.
        var equity = new KnownAtPolicy { CloseOffset = TimeSpan.FromHours(21) };
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 21, 0, 0, TimeSpan.Zero), equity.KnownAt(ts));
    }

    [Fact]
    public void Constructor_NegativeLag_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureSet(knownAt: new KnownAtPolicy { Lag = TimeSpan.FromHours(-1) }));
        Assert.Equal("Lag", ex.ParamName);
    }

    [Fact]
    public void VisibleRowCount_AsOfBetweenRows_CountsOnlyKnownRows()
    {
        FeatureBlock block = new FeatureSet().Compute(TestBars.RandomWalk("TEST:X", 10, seed: 1));
        // Row i is known at Start + (i + 1) days; as of Start + 3.5 days rows 0, 1, 2 are visible.
        Assert.Equal(3, block.VisibleRowCount(TestBars.Start.AddDays(3.5)));
        Assert.Equal(0, block.VisibleRowCount(TestBars.Start));
        Assert.Equal(10, block.VisibleRowCount(TestBars.Start.AddDays(100)));
    }

    [Fact]
    public void Compute_TruncatedAfterT_LeavesEveryRowUpToTUnchanged()
    {
        // Property: for any series and any cut t, the features computed from rows 0..t equal (bit for bit, NaN
        // included) rows 0..t of the features computed from the full series — no feature looks ahead.
        var featureSet = new FeatureSet(new FeatureOptions { HurstWindow = 64, EntropyWindow = 30, MomentsWindow = 25, CvarWindow = 25 });
        Gen<(int Seed, int Length, int Cut)> cases =
            from seed in Gen.Choose(0, 100_000)
            from length in Gen.Choose(2, 400)
            from cut in Gen.Choose(1, length)
            select (seed, length, cut);
        Prop.ForAll(Arb.From(cases), c =>
        {
            BarSeries full = TestBars.RandomWalk("TEST:PIT", c.Length, c.Seed);
            FeatureBlock all = featureSet.Compute(full), truncated = featureSet.Compute(full.Take(c.Cut));
            for (int j = 0; j < FeatureColumns.All.Count; j++)
            {
                ReadOnlySpan<double> a = all.Column(j)[..c.Cut], b = truncated.Column(j);
                for (int t = 0; t < c.Cut; t++)
                {
                    if (BitConverter.DoubleToInt64Bits(a[t]) != BitConverter.DoubleToInt64Bits(b[t]))
                    {
                        return false;
                    }
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }
}
