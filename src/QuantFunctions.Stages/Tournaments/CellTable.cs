using QuantFunctions.Core.Tournaments;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Tournaments;

/// <summary>
/// A tournament cell's Parquet record: the <see cref="BacktestTable"/> columns (so the tear sheet stage can render a cell)
/// plus <c>window</c> (0-based rebalance of the day), <c>winners</c> and <c>integrity</c> (of that day's window).
/// </summary>
public static class CellTable
{
    /// <summary>Builds the table of a simulated cell.</summary>
    public static LakeTable From(CellOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        CellSeries series = CellSeries.From(outcome, isBaseline: false);
        int days = series.Net.Length;
        int[] winners = new int[days];
        bool[] integrity = new bool[days];
        for (int d = 0; d < days; d++)
        {
            winners[d] = series.Winners[series.Window[d]];
            integrity[d] = series.Integrity[series.Window[d]];
        }

        LakeTable backtest = BacktestTable.From(outcome.Backtest);
        return new LakeTable("cell",
        [
            .. backtest.Columns,
            ColumnBuffer.Create(ParquetColumn.Int32("window"), series.Window),
            ColumnBuffer.Create(ParquetColumn.Int32("winners"), winners),
            ColumnBuffer.Create(ParquetColumn.Boolean("integrity"), integrity),
        ]);
    }

    /// <summary>The scoreboard's view of a stored cell.</summary>
    public static CellSeries ToSeries(LakeTable table, string id, bool isBaseline)
    {
        ArgumentNullException.ThrowIfNull(table);
        int[] window = table.Int32s("window");
        int[] dayWinners = table.Int32s("winners");
        bool[] dayIntegrity = table.Column("integrity").Booleans ?? throw new DatasetSchemaException($"cell '{id}': column 'integrity' is not boolean");
        int windows = window.Length == 0 ? 0 : window[^1] + 1;
        int[] winners = new int[windows];
        bool[] integrity = new bool[windows];
        for (int d = 0; d < window.Length; d++)
        {
            winners[window[d]] = dayWinners[d];
            integrity[window[d]] = dayIntegrity[d];
        }

        return new CellSeries(id, isBaseline, table.Doubles("net_ret"), table.Doubles("gross_ret"), table.Doubles("turnover"), window, winners, integrity);
    }
}
