using QuantFunctions.Core.Market;
using QuantFunctions.Core.Reporting;

namespace QuantFunctions.Core.Tests.Reporting;

public sealed class BenchmarksTests
{
    [Fact]
    public void EqualWeight_MeanOfObservedColumnsPerRow()
    {
        DateOnly[] d = [new(2024, 1, 1), new(2024, 1, 2), new(2024, 1, 3)];
        // Column-major: A = 0.01, 0.02, NaN; B = 0.03, NaN, NaN.
        var panel = new ReturnPanel(d, ["A", "B"], [0.01, 0.02, double.NaN, 0.03, double.NaN, double.NaN]);

        double[] ew = Benchmarks.EqualWeight(panel);

        // (0.01 + 0.03)/2 = 0.02; 0.02 alone; no observation → NaN.
        Assert.Equal(0.02, ew[0], 1e-15);
        Assert.Equal(0.02, ew[1], 1e-15);
        Assert.True(double.IsNaN(ew[2]));
    }

    [Fact]
    public void Align_MissingAndNaNDates_ZeroAndCounted()
    {
        DateOnly[] source = [new(2024, 1, 1), new(2024, 1, 3), new(2024, 1, 4)];
        DateOnly[] target = [new(2024, 1, 2), new(2024, 1, 3), new(2024, 1, 4), new(2024, 1, 5)];

        BenchmarkSeries b = Benchmarks.Align("b", source, [0.1, 0.2, double.NaN], target);

        // 01-02 absent, 01-04 NaN, 01-05 absent → three zeros counted; 01-03 = 0.2.
        Assert.Equal([0, 0.2, 0, 0], b.Returns);
        Assert.Equal(3, b.MissingDates);
    }
}
