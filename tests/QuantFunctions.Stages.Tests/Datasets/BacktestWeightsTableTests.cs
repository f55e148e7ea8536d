using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Reporting;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Tests.Datasets;

public sealed class BacktestWeightsTableTests
{
    [Fact]
    public void FromThenToHistory_NonZeroRowsOnly_RoundTripsOnTheBacktestDates()
    {
        DateOnly[] dates = [new(2024, 1, 2), new(2024, 1, 3), new(2024, 1, 4)];
        // Column-major (dates × columns): B = 0.5, 0.5, 0; A = 0, −0.25, −0.25.
        double[] weights = [0.5, 0.5, 0, 0, -0.25, -0.25];
        var result = new BacktestResult(["B", "A"], dates, new double[3], new double[3], new double[3], new double[3], new double[3], weights, [], new int[2]);

        var table = BacktestWeightsTable.From(result);
        WeightHistory history = BacktestWeightsTable.ToHistory(table, dates);

        Assert.Equal(4, table.RowCount); // the two zero weights have no row
        Assert.Equal(["A", "B"], history.Columns); // ordinal order
        Assert.Equal([0, -0.25, -0.25, 0.5, 0.5, 0], history.Weights);
    }
}
