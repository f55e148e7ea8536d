using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Tournaments;

/// <summary>
/// The universe's returns as a tournament's cells read them: the panel of the silver returns known at the as-of,
/// stored wide (a <c>date</c> column, then one double column per symbol, NaN = no observation, in the panel's column
/// order) so that a cell reads it without pivoting the long silver table. Written by <c>tournament.select</c> into the
/// tournament's cell cache; its values are the silver values, bit for bit.
/// </summary>
public static class PanelTable
{
    /// <summary>Builds the table.</summary>
    public static LakeTable From(ReturnPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        int[] days = new int[panel.RowCount];
        for (int i = 0; i < days.Length; i++)
        {
            days[i] = LongPanel.ToDays(panel.Dates[i]);
        }

        var columns = new List<ColumnBuffer>(panel.ColumnCount + 1) { ColumnBuffer.Create(ParquetColumn.Date("date"), days) };
        for (int j = 0; j < panel.ColumnCount; j++)
        {
            columns.Add(ColumnBuffer.Create(ParquetColumn.Double(panel.Columns[j]), panel.Column(j).ToArray()));
        }

        return new LakeTable("panel", columns);
    }

    /// <summary>The panel (columns by position: the first is the date).</summary>
    /// <exception cref="DatasetSchemaException">The first column is not a date, or another is not a double.</exception>
    public static ReturnPanel ToPanel(LakeTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        int[] days = table.Columns[0].Values as int[] ?? throw new DatasetSchemaException("panel: the first column must be the date");
        var dates = new DateOnly[days.Length];
        for (int i = 0; i < dates.Length; i++)
        {
            dates[i] = LongPanel.ToDate(days[i]);
        }

        int columns = table.Columns.Count - 1;
        string[] symbols = new string[columns];
        double[] values = new double[dates.Length * columns];
        for (int j = 0; j < columns; j++)
        {
            ColumnBuffer column = table.Columns[j + 1];
            symbols[j] = column.Column.Name;
            (column.Doubles ?? throw new DatasetSchemaException($"panel: column '{symbols[j]}' is not double")).CopyTo(values.AsSpan(j * dates.Length, dates.Length));
        }

        return new ReturnPanel(dates, symbols, values);
    }
}
