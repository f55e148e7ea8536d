using QuantFunctions.Core.Reporting;

namespace QuantFunctions.Core.Tests.Reporting;

public sealed class PeriodReturnsTests
{
    private static readonly DateOnly[] Dates = [new(2023, 12, 29), new(2024, 1, 2), new(2024, 1, 31), new(2024, 2, 1)];
    private static readonly double[] Returns = [0.1, 0.1, -0.5, 0.2];

    [Fact]
    public void Yearly_CompoundsWithinEachYear()
    {
        (int[] years, double[] values) = PeriodReturns.Yearly(Dates, Returns);

        // 2023: 0.1; 2024: 1.1 × 0.5 × 1.2 − 1 = −0.34.
        Assert.Equal([2023, 2024], years);
        Assert.Equal(0.1, values[0], 1e-12);
        Assert.Equal(-0.34, values[1], 1e-12);
    }

    [Fact]
    public void Monthly_CompoundsWithinEachMonth()
    {
        (int[] months, double[] values) = PeriodReturns.Monthly(Dates, Returns);

        // Keys year × 12 + month − 1; 2024-01: 1.1 × 0.5 − 1 = −0.45.
        Assert.Equal([(2023 * 12) + 11, 2024 * 12, (2024 * 12) + 1], months);
        Assert.Equal(0.1, values[0], 1e-12);
        Assert.Equal(-0.45, values[1], 1e-12);
        Assert.Equal(0.2, values[2], 1e-12);
    }
}
