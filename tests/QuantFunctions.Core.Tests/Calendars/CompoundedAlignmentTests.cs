using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.Calendars;

public sealed class CompoundedAlignmentTests
{
    private static DateOnly D(int day) => new(2024, 1, day);

    [Fact]
    public void Align_CryptoWeekendIntoMonday_CompoundsInsteadOfDropping()
    {
        // 2024-01-05 is a Friday, 01-08 a Monday. Crypto trades every day, equity on weekdays.
        var crypto = new DatedSeries("crypto", [D(5), D(6), D(7), D(8)], [0.01, 0.02, -0.01, 0.03]);
        var equity = new DatedSeries("equity", [D(5), D(8)], [0.005, -0.002]);

        (ReturnPanel panel, int[] dropped) = CompoundedAlignment.Align([crypto, equity]);

        Assert.Equal([D(5), D(8)], panel.Dates);
        // Hand calculation: Monday's crypto return compounds Sat, Sun, Mon: 1.02 × 0.99 × 1.03 − 1 = 0.040094.
        Assert.Equal(0.01, panel[0, 0], 15);
        Assert.Equal((1.02 * 0.99 * 1.03) - 1.0, panel[1, 0], 15);
        Assert.Equal(-0.002, panel[1, 1], 15);
        Assert.Equal([0, 0], dropped);
    }

    [Fact]
    public void Align_ReturnsOutsideTheCommonRange_AreDroppedAndCounted()
    {
        var a = new DatedSeries("a", [D(1), D(2), D(3), D(4), D(5)], [0.1, 0.2, 0.3, 0.4, 0.5]);
        var b = new DatedSeries("b", [D(2), D(4)], [0.01, 0.02]);

        (ReturnPanel panel, int[] dropped) = CompoundedAlignment.Align([a, b]);

        Assert.Equal([D(2), D(4)], panel.Dates);
        Assert.Equal(0.2, panel[0, 0], 15);
        Assert.Equal((1.3 * 1.4) - 1.0, panel[1, 0], 15);
        Assert.Equal([2, 0], dropped); // day 1 before the first common date, day 5 after the last.
    }

    [Fact]
    public void Align_NoCommonDate_Throws()
    {
        var a = new DatedSeries("a", [D(1)], [0.1]);
        var b = new DatedSeries("b", [D(2)], [0.1]);
        Assert.Throws<DomainValidationException>(() => CompoundedAlignment.Align([a, b]));
    }
}
