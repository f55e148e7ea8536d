using QuantFunctions.Core.Performance;
using QuantFunctions.Core.Reporting;

namespace QuantFunctions.Core.Tests.Reporting;

public sealed class WorstDrawdownsTests
{
    private static readonly DateOnly[] Dates = [new(2024, 1, 1), new(2024, 1, 2), new(2024, 1, 3), new(2024, 1, 4), new(2024, 1, 5), new(2024, 1, 6)];

    [Fact]
    public void Of_TwoEpisodes_DeepestFirstAndRecovery()
    {
        // Hand calculation: equity 1.1, 0.99, 1.0395, 1.14345, 0.91476, 1.189188; peaks 1.1, 1.1, 1.1, 1.14345, 1.14345, 1.189188;
        // drawdown 0, −0.1, −0.055, 0, −0.2, 0 → episodes [1..2] (−10 %) and [4..4] (−20 %), both recovered the next day.
        TearSheet sheet = TearSheet.FromReturns("t", Dates, [0.1, -0.1, 0.05, 0.1, -0.2, 0.3], new PerformanceOptions());

        DrawdownPeriod[] worst = WorstDrawdowns.Of(sheet, 5);

        Assert.Equal([4, 1], worst.Select(p => p.StartIndex));
        Assert.Equal(-0.2, worst[0].MaxDrawdown, 1e-12);
        Assert.Equal(-0.1, worst[1].MaxDrawdown, 1e-12);
        Assert.All(worst, p => Assert.True(WorstDrawdowns.Recovered(p, 6)));
        Assert.Equal([4], WorstDrawdowns.Of(sheet, 1).Select(p => p.StartIndex));
    }

    [Fact]
    public void Of_EqualDepthsAndNoRecovery_EarlierFirstLastNotRecovered()
    {
        // −50 %, +100 % (back to the peak 1 exactly), 0, −50 %, 0, 0: two episodes of exactly −50 %; the second never recovers.
        TearSheet sheet = TearSheet.FromReturns("t", Dates, [-0.5, 1.0, 0.0, -0.5, 0.0, 0.0], new PerformanceOptions());

        DrawdownPeriod[] worst = WorstDrawdowns.Of(sheet, 2);

        Assert.Equal([0, 3], worst.Select(p => p.StartIndex));
        Assert.True(WorstDrawdowns.Recovered(worst[0], 6));
        Assert.False(WorstDrawdowns.Recovered(worst[1], 6));
    }
}
