using System.Globalization;
using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Lake.Paths;

namespace QuantFunctions.DataOps.Providers;

/// <content>Parquet OHLCV files: the date column may be DATE, TIMESTAMP or STRING; prices DOUBLE, FLOAT, INT32 or INT64 (null = NaN).</content>
public static partial class OhlcvFileReader
{
    /// <summary>
    /// Reads Parquet bytes; issues name <c>file:row N:column</c> (1-based). The fetches carry no raw payload
    /// (raw batches are JSON or CSV): the user's file itself is the replay source.
    /// </summary>
    /// <exception cref="DatasetSchemaException">Not Parquet, missing or mistyped columns, malformed rows (strict mode).</exception>
    public static IReadOnlyList<ProviderFetch> ReadParquet(byte[] bytes, string source, OhlcvImportOptions options, List<RowIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(issues);
        bool isLong = options.Layout == OhlcvLayout.Long;
        ParquetReader reader;
        try
        {
            reader = ParquetReader.Open(bytes, source);
        }
        catch (ParquetFormatException ex)
        {
            throw new DatasetSchemaException($"{source}: not a readable Parquet file: {ex.Message}", ex);
        }

        using (reader)
        {
            var names = new string[reader.Schema.Columns.Count];
            for (int c = 0; c < names.Length; c++)
            {
                names[c] = reader.Schema.Columns[c].Name;
            }

            int[] col = options.Map.Resolve(names, isLong, source);
            BarAccumulator? single = isLong ? null : new BarAccumulator(SymbolOfFile(source, options.Market), 4096);
            var bySymbol = new SortedDictionary<string, BarAccumulator>(StringComparer.Ordinal);
            int row = 0;
            Span<double> v = stackalloc double[5];
            for (int rg = 0; rg < reader.RowGroupCount; rg++)
            {
                RowGroupBatch batch = reader.ReadRowGroup(rg);
                for (int r = 0; r < batch.RowCount; r++)
                {
                    row++;
                    string origin = string.Create(CultureInfo.InvariantCulture, $"{source}:row {row}");
                    string? error = null;
                    BarAccumulator? target = single;
                    if (isLong)
                    {
                        string cell = (batch.Columns[col[1]].Strings?[r] ?? string.Empty).Trim().ToUpperInvariant();
                        string text = cell.Contains(':', StringComparison.Ordinal) ? cell : options.Market + ":" + cell;
                        if (Symbol.TryParse(text, out Symbol symbol))
                        {
                            if (!bySymbol.TryGetValue(symbol.Value, out target))
                            {
                                target = new BarAccumulator(symbol);
                                bySymbol.Add(symbol.Value, target);
                            }
                        }
                        else
                        {
                            error = $"{origin}:{col[1] + 1}: symbol '{cell}' is not a ticker or EXCHANGE:SYMBOL";
                        }
                    }

                    DateOnly? date = error is null ? DateOf(batch.Columns[col[0]], r) : null;
                    if (error is null && date is null)
                    {
                        error = $"{origin}:{col[0] + 1}: not a date ({batch.Columns[col[0]].Column.Kind})";
                    }

                    for (int k = 0; k < 5 && error is null; k++)
                    {
                        ColumnBuffer buffer = batch.Columns[col[k + 2]];
                        double? value = NumberOf(buffer, r);
                        v[k] = value ?? double.NaN;
                        if (value is null && !buffer.IsNull(r))
                        {
                            error = $"{origin}:{col[k + 2] + 1}: column '{buffer.Column.Name}' is {buffer.Column.Kind}, expected a number";
                        }
                    }

                    if (error is null)
                    {
                        target!.Add(date!.Value, v[0], v[1], v[2], v[3], v[4], origin);
                    }
                    else if (options.Strict)
                    {
                        throw new DatasetSchemaException(error);
                    }
                    else
                    {
                        issues.Add(new RowIssue(target?.Symbol.Value ?? string.Empty, origin, error[(error.IndexOf(": ", StringComparison.Ordinal) + 2)..]));
                    }
                }
            }

            if (single is not null)
            {
                return [single.ToFetch(ReadOnlyMemory<byte>.Empty, RawFormat.Csv, [])];
            }

            var result = new List<ProviderFetch>(bySymbol.Count);
            foreach (BarAccumulator bars in bySymbol.Values)
            {
                result.Add(bars.ToFetch(ReadOnlyMemory<byte>.Empty, RawFormat.Csv, []));
            }

            return result;
        }
    }

    private static readonly int UnixEpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    private static DateOnly? DateOf(ColumnBuffer column, int row)
    {
        if (column.IsNull(row))
        {
            return null;
        }

        return column.Column.Kind switch
        {
            ParquetValueKind.Date => DateOnly.FromDayNumber(UnixEpochDayNumber + column.Int32s![row]),
            ParquetValueKind.Timestamp => DayOf(column.Int64s![row], column.Column.Unit),
            ParquetValueKind.String => ParseDate(column.Strings![row]),
            _ => null,
        };
    }

    /// <summary>
    /// The UTC day of a timestamp in <paramref name="unit"/>s since 1970. The division rounds down, not toward zero, so an
    /// instant before 1970 lands on the day it falls in.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The day is outside the range of <see cref="DateOnly"/>.</exception>
    private static DateOnly DayOf(long value, ParquetTimeUnit unit)
    {
        long perDay = unit switch
        {
            ParquetTimeUnit.Millis => 86_400_000L,
            ParquetTimeUnit.Micros => 86_400_000_000L,
            _ => 86_400_000_000_000L,
        };
        long days = Math.DivRem(value, perDay, out long remainder);
        long day = UnixEpochDayNumber + (remainder < 0 ? days - 1 : days);
        return day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber
            ? DateOnly.FromDayNumber((int)day)
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"timestamp {value} ({unit}) is outside the supported dates");
    }

    private static double? NumberOf(ColumnBuffer column, int row) =>
        column.IsNull(row) ? null : column.Values switch
        {
            double[] d => d[row],
            float[] f => f[row],
            long[] l => l[row],
            int[] i when column.Column.Kind == ParquetValueKind.Int32 => i[row],
            _ => null,
        };
}
