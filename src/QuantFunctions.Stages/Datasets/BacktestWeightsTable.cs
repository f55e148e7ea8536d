using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Reporting;
using QuantFunctions.Lake.Datasets;

namespace QuantFunctions.Stages.Datasets;

/// <summary>
/// The gold <c>backtest_weights</c> dataset: the start-of-day weights of a walk-forward backtest, long format
/// (<c>date</c>, <c>column</c>, <c>weight</c>) with one row per non-zero weight (a column not held that day has no row).
/// </summary>
public static class BacktestWeightsTable
{
    /// <summary>Dataset name under gold.</summary>
    public const string Dataset = "backtest_weights";

    /// <summary>Builds the table from a walk-forward result (columns in the result's order, dates ascending within each).</summary>
    public static LakeTable From(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        double[] held = (double[])result.Weights.Clone();
        for (int i = 0; i < held.Length; i++)
        {
            held[i] = held[i] == 0 ? double.NaN : held[i];
        }

        return LongPanel.ToTable(Dataset, new ReturnPanel(result.Dates, [.. result.Columns], held), "column", "weight");
    }

    /// <summary>The weights on <paramref name="dates"/> (0 where no row), columns in ordinal order.</summary>
    /// <exception cref="DatasetSchemaException">A column is missing, or a (date, column) pair appears twice.</exception>
    public static WeightHistory ToHistory(LakeTable table, DateOnly[] dates)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(dates);
        ReturnPanel panel = LongPanel.Pivot(table.Name, table.DateDays("date"), table.Strings("column"), table.Doubles("weight"));
        var row = new Dictionary<DateOnly, int>(panel.RowCount);
        for (int r = 0; r < panel.RowCount; r++)
        {
            row[panel.Dates[r]] = r;
        }

        int n = dates.Length;
        double[] weights = new double[panel.ColumnCount * n];
        for (int c = 0; c < panel.ColumnCount; c++)
        {
            ReadOnlySpan<double> col = panel.Column(c);
            for (int t = 0; t < n; t++)
            {
                weights[(c * n) + t] = row.TryGetValue(dates[t], out int r) && !double.IsNaN(col[r]) ? col[r] : 0;
            }
        }

        return new WeightHistory([.. panel.Columns], weights);
    }
}
