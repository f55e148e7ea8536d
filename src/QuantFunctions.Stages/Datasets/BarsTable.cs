using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Stages.Datasets;

/// <summary>
/// The bronze daily OHLCV dataset (schema v1): <c>date</c> DATE, <c>symbol</c> STRING (EXCHANGE:SYMBOL),
/// <c>open</c>, <c>high</c>, <c>low</c>, <c>close</c>, <c>volume</c> DOUBLE; rows ordered by symbol then date.
/// </summary>
public static class BarsTable
{
    /// <summary>Dataset name under bronze.</summary>
    public const string Dataset = "ohlcv";

    /// <summary>Builds one table from many series (rows in the given series order, then date order), keeping only dates in [first, last].</summary>
    public static LakeTable FromSeries(IReadOnlyList<BarSeries> series, DateOnly first, DateOnly last)
    {
        ArgumentNullException.ThrowIfNull(series);
        int total = 0;
        foreach (BarSeries s in series)
        {
            for (int i = 0; i < s.Count; i++)
            {
                total += s.Dates[i] >= first && s.Dates[i] <= last ? 1 : 0;
            }
        }

        int[] dates = new int[total];
        string[] symbols = new string[total];
        double[] open = new double[total], high = new double[total], low = new double[total], close = new double[total], volume = new double[total];
        int row = 0;
        foreach (BarSeries s in series)
        {
            string symbol = s.Symbol.Value;
            for (int i = 0; i < s.Count; i++)
            {
                if (s.Dates[i] < first || s.Dates[i] > last)
                {
                    continue;
                }

                dates[row] = LongPanel.ToDays(s.Dates[i]);
                symbols[row] = symbol;
                open[row] = s.Open[i];
                high[row] = s.High[i];
                low[row] = s.Low[i];
                close[row] = s.Close[i];
                volume[row] = s.Volume[i];
                row++;
            }
        }

        return new LakeTable(Dataset,
        [
            ColumnBuffer.Create(ParquetColumn.Date("date"), dates),
            ColumnBuffer.Create(ParquetColumn.String("symbol"), symbols),
            ColumnBuffer.Create(ParquetColumn.Double("open"), open),
            ColumnBuffer.Create(ParquetColumn.Double("high"), high),
            ColumnBuffer.Create(ParquetColumn.Double("low"), low),
            ColumnBuffer.Create(ParquetColumn.Double("close"), close),
            ColumnBuffer.Create(ParquetColumn.Double("volume"), volume),
        ]);
    }

    /// <summary>
    /// Splits a table back into one series per symbol (symbols in ordinal order, dates ascending).
    /// </summary>
    /// <exception cref="DatasetSchemaException">A column is missing, or a symbol has a duplicate date.</exception>
    public static IReadOnlyList<BarSeries> ToSeries(LakeTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        int[] dates = table.DateDays("date");
        string[] symbols = table.Strings("symbol");
        double[] open = table.Doubles("open"), high = table.Doubles("high"), low = table.Doubles("low"), close = table.Doubles("close"), volume = table.Doubles("volume");
        int n = table.RowCount;
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            int c = string.CompareOrdinal(symbols[a], symbols[b]);
            return c != 0 ? c : dates[a].CompareTo(dates[b]);
        });

        var result = new List<BarSeries>();
        int start = 0;
        while (start < n)
        {
            int end = start;
            while (end < n && symbols[order[end]] == symbols[order[start]])
            {
                end++;
            }

            int count = end - start;
            var d = new DateOnly[count];
            double[] o = new double[count], h = new double[count], l = new double[count], c = new double[count], v = new double[count];
            for (int k = 0; k < count; k++)
            {
                int r = order[start + k];
                d[k] = LongPanel.ToDate(dates[r]);
                if (k > 0 && d[k] == d[k - 1])
                {
                    throw new DatasetSchemaException($"{table.Name}: symbol '{symbols[r]}' has two rows for {d[k]:yyyy-MM-dd}");
                }

                (o[k], h[k], l[k], c[k], v[k]) = (open[r], high[r], low[r], close[r], volume[r]);
            }

            result.Add(new BarSeries(Symbol.Parse(symbols[order[start]]), d, o, h, l, c, v));
            start = end;
        }

        return result;
    }

    /// <summary>1970-01-01, day zero of Parquet DATE.</summary>
    public static DateOnly DateEpoch { get; } = new(1970, 1, 1);
}
