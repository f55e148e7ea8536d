using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Datasets;

namespace QuantFunctions.Stages.Datasets;

/// <summary>
/// Pivots long-format rows (date, key, value) into a dates × keys <see cref="ReturnPanel"/> (dates ascending,
/// keys ordinal, NaN where a key has no row) — missing cells stay missing, never filled.
/// </summary>
public static class LongPanel
{
    /// <summary>Pivots the rows whose <paramref name="include"/> flag is true (all rows when null).</summary>
    /// <exception cref="DatasetSchemaException">A (date, key) pair appears twice.</exception>
    public static ReturnPanel Pivot(string what, int[] dateDays, string[] keys, double[] values, bool[]? include = null)
    {
        ArgumentNullException.ThrowIfNull(dateDays);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(values);
        var dateSet = new SortedSet<int>();
        var keySet = new SortedSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < dateDays.Length; i++)
        {
            if (include is null || include[i])
            {
                dateSet.Add(dateDays[i]);
                keySet.Add(keys[i]);
            }
        }

        int[] dateList = [.. dateSet];
        string[] keyList = [.. keySet];
        var dateIndex = new Dictionary<int, int>(dateList.Length);
        for (int i = 0; i < dateList.Length; i++)
        {
            dateIndex[dateList[i]] = i;
        }

        var keyIndex = new Dictionary<string, int>(keyList.Length, StringComparer.Ordinal);
        for (int i = 0; i < keyList.Length; i++)
        {
            keyIndex[keyList[i]] = i;
        }

        int rows = dateList.Length;
        double[] panel = new double[rows * keyList.Length];
        Array.Fill(panel, double.NaN);
        bool[] seen = new bool[panel.Length];
        for (int i = 0; i < dateDays.Length; i++)
        {
            if (include is not null && !include[i])
            {
                continue;
            }

            int cell = (keyIndex[keys[i]] * rows) + dateIndex[dateDays[i]];
            if (seen[cell])
            {
                throw new DatasetSchemaException($"{what}: two rows for '{keys[i]}' on {ToDate(dateDays[i]):yyyy-MM-dd}");
            }

            seen[cell] = true;
            panel[cell] = values[i];
        }

        var dates = new DateOnly[rows];
        for (int i = 0; i < rows; i++)
        {
            dates[i] = ToDate(dateList[i]);
        }

        return new ReturnPanel(dates, keyList, panel);
    }

    /// <summary>Unpivots a panel into a long table (date, key, value) with one row per observed (non-NaN) cell, keys in panel order.</summary>
    public static LakeTable ToTable(string name, ReturnPanel panel, string keyColumn, string valueColumn)
    {
        ArgumentNullException.ThrowIfNull(panel);
        int total = CountObserved(panel, DateOnly.MinValue, DateOnly.MaxValue);
        int[] dates = new int[total];
        string[] keys = new string[total];
        double[] values = new double[total];
        int row = 0;
        for (int c = 0; c < panel.ColumnCount; c++)
        {
            ReadOnlySpan<double> col = panel.Column(c);
            for (int r = 0; r < panel.RowCount; r++)
            {
                if (!double.IsNaN(col[r]))
                {
                    (dates[row], keys[row], values[row]) = (ToDays(panel.Dates[r]), panel.Columns[c], col[r]);
                    row++;
                }
            }
        }

        return new LakeTable(name,
        [
            Lake.Parquet.ColumnBuffer.Create(Lake.Parquet.ParquetColumn.Date("date"), dates),
            Lake.Parquet.ColumnBuffer.Create(Lake.Parquet.ParquetColumn.String(keyColumn), keys),
            Lake.Parquet.ColumnBuffer.Create(Lake.Parquet.ParquetColumn.Double(valueColumn), values),
        ]);
    }

    /// <summary>Counts the non-NaN cells of a panel whose date lies in [first, last].</summary>
    public static int CountObserved(ReturnPanel panel, DateOnly first, DateOnly last)
    {
        ArgumentNullException.ThrowIfNull(panel);
        int total = 0;
        for (int c = 0; c < panel.ColumnCount; c++)
        {
            ReadOnlySpan<double> col = panel.Column(c);
            for (int r = 0; r < panel.RowCount; r++)
            {
                total += !double.IsNaN(col[r]) && panel.Dates[r] >= first && panel.Dates[r] <= last ? 1 : 0;
            }
        }

        return total;
    }

    /// <summary>Days since 1970-01-01 → date.</summary>
    public static DateOnly ToDate(int days) => DateOnly.FromDayNumber(BarsTable.DateEpoch.DayNumber + days);

    /// <summary>Date → days since 1970-01-01.</summary>
    public static int ToDays(DateOnly date) => date.DayNumber - BarsTable.DateEpoch.DayNumber;
}
