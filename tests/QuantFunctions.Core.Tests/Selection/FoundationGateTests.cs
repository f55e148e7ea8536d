using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;

namespace QuantFunctions.Core.Tests.Selection;

public sealed class FoundationGateTests
{
    [Fact]
    public void Check_GapsToxicInfiniteAndEmpty_DroppedWithReasonsAndCounted()
    {
        // 20 rows. A: complete. B: 2 of 20 missing (10 % — kept, the bound is "more than 10 %"). C: 3 missing (15 %) → gaps.
        // D: one return of 6.0 (> 500 %) → toxic. E: one +∞ → non-finite. F: no return → no data. G: one return of 1.5 → kept, counted.
        const int rows = 20;
        double[] a = Fill(rows, 0.01), b = Fill(rows, 0.01), c = Fill(rows, 0.01), d = Fill(rows, 0.01), e = Fill(rows, 0.01), f = Fill(rows, double.NaN), g = Fill(rows, 0.01);
        (b[3], b[7]) = (double.NaN, double.NaN);
        (c[1], c[2], c[5]) = (double.NaN, double.NaN, double.NaN);
        d[4] = 6.0;
        e[9] = double.PositiveInfinity;
        g[0] = 1.5;
        var panel = new ReturnPanel(SelectionFixture.Dates(rows), ["A", "B", "C", "D", "E", "F", "G"], [.. a, .. b, .. c, .. d, .. e, .. f, .. g]);

        FoundationGateResult gate = FoundationGate.Check(panel, new SelectionOptions());

        Assert.Equal([null, null, VetoReasons.Gaps, VetoReasons.Toxic, VetoReasons.NonFinite, VetoReasons.NoData, null], gate.Reasons);
        Assert.Equal(20, gate.UnionRows);
        Assert.Equal(18, gate.DenseRows); // survivors A, B, G: B misses rows 3 and 7
        Assert.Equal(2, gate.RowsDropped);
        Assert.Equal(1, gate.LargeReturns); // G's 1.5 (|r| > 1, the L0 warning level)
        Assert.Equal(3, gate.Passed);
    }

    [Fact]
    public void Check_NothingSurvives_ThrowsFoundationUnstable()
    {
        var panel = new ReturnPanel(SelectionFixture.Dates(3), ["A"], [0.1, 7.0, 0.1]);
        var ex = Assert.Throws<SelectionException>(() => FoundationGate.Check(panel, new SelectionOptions()));
        Assert.Equal(ErrorCodes.FoundationUnstable, ex.Code);
        Assert.Contains("gate.toxic 1", ex.Message, StringComparison.Ordinal);
    }

    private static double[] Fill(int n, double v)
    {
        double[] x = new double[n];
        Array.Fill(x, v);
        return x;
    }
}
