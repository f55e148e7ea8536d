using QuantFunctions.Core.Performance;
using QuantFunctions.Core.Reporting;

namespace QuantFunctions.Core.Tests.Reporting;

public sealed class DrawdownPeriodsTests
{
    [Fact]
    public void All_TwoRecoveredDrawdowns_PeriodsWithTroughAndRecovery()
    {
        // Hand calculation: equity 1.1, 0.99, 1.0395, 1.14345, 0.91476, 1.189188; running peak 1.1, 1.1, 1.1, 1.14345, 1.14345, 1.189188;
        // drawdown 0, −0.1, −0.055, 0, −0.2, 0 → periods [1..3] (trough 1, −10 %) and [4..5] (trough 4, −20 %), both recovered.
        double[] dd = new double[6];
        EquityCurve.Drawdowns([0.1, -0.1, 0.05, 0.1, -0.2, 0.3], dd);

        IReadOnlyList<DrawdownPeriod> all = DrawdownPeriods.All(dd);

        Assert.Equal(2, all.Count);
        Assert.Equal((1, 1, 3, true), (all[0].Start, all[0].Trough, all[0].End, all[0].Recovered));
        Assert.Equal(-0.1, all[0].Depth, 1e-12);
        Assert.Equal((4, 4, 5, true), (all[1].Start, all[1].Trough, all[1].End, all[1].Recovered));
        Assert.Equal(-0.2, all[1].Depth, 1e-12);
        Assert.Equal([all[1]], DrawdownPeriods.Worst(dd, 1));
        Assert.Equal([all[1], all[0]], DrawdownPeriods.Worst(dd, 5));
    }

    [Fact]
    public void All_NotRecovered_EndsAtLastIndex()
    {
        // −10 % then +5 %: equity 0.9, 0.945, peak 1 → drawdown −0.1, −0.055, never back to 0.
        double[] dd = new double[2];
        EquityCurve.Drawdowns([-0.1, 0.05], dd);

        DrawdownPeriod p = Assert.Single(DrawdownPeriods.All(dd));

        Assert.Equal((0, 0, 1, false), (p.Start, p.Trough, p.End, p.Recovered));
    }

    [Fact]
    public void Worst_EqualDepths_EarlierFirst()
    {
        double[] dd = [0, -0.1, 0, -0.1, 0];

        IReadOnlyList<DrawdownPeriod> worst = DrawdownPeriods.Worst(dd, 2);

        Assert.Equal([1, 3], worst.Select(p => p.Start));
    }
}
