using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Stages.Datasets;

/// <summary>
/// The gold <c>backtest</c> dataset: one row per out-of-sample session — <c>date</c>, <c>gross_ret</c>,
/// <c>net_ret</c> (after friction), <c>equity</c> (from 1.0), <c>turnover</c>, <c>cost</c>.
/// </summary>
public static class BacktestTable
{
    /// <summary>Dataset name under gold.</summary>
    public const string Dataset = "backtest";

    /// <summary>Builds the table from a walk-forward result.</summary>
    public static LakeTable From(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        int[] dates = new int[result.Dates.Length];
        for (int i = 0; i < dates.Length; i++)
        {
            dates[i] = LongPanel.ToDays(result.Dates[i]);
        }

        return new LakeTable(Dataset,
        [
            ColumnBuffer.Create(ParquetColumn.Date("date"), dates),
            ColumnBuffer.Create(ParquetColumn.Double("gross_ret"), result.GrossReturns),
            ColumnBuffer.Create(ParquetColumn.Double("net_ret"), result.NetReturns),
            ColumnBuffer.Create(ParquetColumn.Double("equity"), result.Equity),
            ColumnBuffer.Create(ParquetColumn.Double("turnover"), result.Turnover),
            ColumnBuffer.Create(ParquetColumn.Double("cost"), result.Costs),
        ]);
    }

    /// <summary>The net return series of a stored backtest, named <paramref name="name"/>.</summary>
    public static DatedSeries NetReturns(LakeTable table, string name)
    {
        ArgumentNullException.ThrowIfNull(table);
        int[] days = table.DateDays("date");
        var dates = new DateOnly[days.Length];
        for (int i = 0; i < days.Length; i++)
        {
            dates[i] = LongPanel.ToDate(days[i]);
        }

        return new DatedSeries(name, dates, table.Doubles("net_ret"));
    }
}
