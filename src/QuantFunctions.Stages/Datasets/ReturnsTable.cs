using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Stages.Datasets;

/// <summary>
/// The silver daily returns dataset (schema v1), long format with one row per observed return — a date
/// without an observation has no row (never a padded zero): <c>date</c> DATE, <c>symbol</c> STRING,
/// <c>ret</c> DOUBLE (simple), <c>log_ret</c> DOUBLE, <c>known_at</c> TIMESTAMP (µs, UTC: when the return became known).
/// </summary>
public static class ReturnsTable
{
    /// <summary>Dataset name under silver.</summary>
    public const string Dataset = "returns";

    /// <summary>Builds the long table from a simple-return panel, for dates in [first, last]; NaN cells produce no row.</summary>
    /// <param name="panel">Simple returns, dates × symbols, NaN = no observation.</param>
    /// <param name="first">First date kept.</param>
    /// <param name="last">Last date kept.</param>
    /// <param name="knownAtOffset">Time after the date's midnight UTC at which the bar closes and the return is known.</param>
    public static LakeTable FromPanel(ReturnPanel panel, DateOnly first, DateOnly last, TimeSpan knownAtOffset)
    {
        ArgumentNullException.ThrowIfNull(panel);
        int total = LongPanel.CountObserved(panel, first, last);
        int[] dates = new int[total];
        string[] symbols = new string[total];
        double[] ret = new double[total], logRet = new double[total];
        long[] knownAt = new long[total];
        long offsetMicros = knownAtOffset.Ticks / 10;
        int row = 0;
        for (int c = 0; c < panel.ColumnCount; c++)
        {
            ReadOnlySpan<double> col = panel.Column(c);
            for (int r = 0; r < panel.RowCount; r++)
            {
                if (double.IsNaN(col[r]) || panel.Dates[r] < first || panel.Dates[r] > last)
                {
                    continue;
                }

                int day = LongPanel.ToDays(panel.Dates[r]);
                dates[row] = day;
                symbols[row] = panel.Columns[c];
                ret[row] = col[r];
                logRet[row] = Math.Log(1.0 + col[r]);
                knownAt[row] = (day * 86_400_000_000L) + offsetMicros;
                row++;
            }
        }

        return new LakeTable(Dataset,
        [
            ColumnBuffer.Create(ParquetColumn.Date("date"), dates),
            ColumnBuffer.Create(ParquetColumn.String("symbol"), symbols),
            ColumnBuffer.Create(ParquetColumn.Double("ret"), ret),
            ColumnBuffer.Create(ParquetColumn.Double("log_ret"), logRet),
            ColumnBuffer.Create(ParquetColumn.Timestamp("known_at"), knownAt),
        ]);
    }

    /// <summary>
    /// The row-group predicate of an as-of read: <c>known_at</c> ≤ <paramref name="asOf"/>. A row group whose
    /// statistics prove every row became known later is skipped (rows inside decoded groups are filtered by <see cref="ToPanel"/>).
    /// </summary>
    public static ParquetRangePredicate KnownBy(DateTimeOffset asOf) => ParquetRangePredicate.TimestampRange("known_at", null, asOf);

    /// <summary>
    /// Pivots the long table into a panel (dates ascending over the union of dates, symbols ordinal),
    /// with NaN where a symbol has no observation; only rows known at or before <paramref name="asOf"/> are used.
    /// </summary>
    /// <exception cref="DatasetSchemaException">A column is missing, or a (date, symbol) pair appears twice.</exception>
    public static ReturnPanel ToPanel(LakeTable table, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(table);
        long[] knownAt = table.Timestamps("known_at");
        long asOfMicros = FeaturesTable.ToMicros(asOf);
        bool[] known = new bool[table.RowCount];
        for (int i = 0; i < known.Length; i++)
        {
            known[i] = knownAt[i] <= asOfMicros;
        }

        return LongPanel.Pivot(table.Name, table.DateDays("date"), table.Strings("symbol"), table.Doubles("ret"), known);
    }
}
