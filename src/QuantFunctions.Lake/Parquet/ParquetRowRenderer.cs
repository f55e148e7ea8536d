using System.Text.Encodings.Web;
using System.Text.Json;

namespace QuantFunctions.Lake.Parquet;

/// <summary>Renders rows as CSV or JSON lines (for <c>quant parquet cat</c>).</summary>
public static class ParquetRowRenderer
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>Streams the rows of <paramref name="reader"/> (optionally projected, at most <paramref name="maxRows"/>).</summary>
    public static async Task<long> RenderAsync(ParquetReader reader, TextWriter output, ParquetRowFormat format, ParquetReadOptions? options = null, long maxRows = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        long written = 0;
        bool header = format == ParquetRowFormat.Csv;
        if (header)
        {
            IReadOnlyList<string> names = options?.Columns ?? NamesOf(reader.Schema);
            await output.WriteLineAsync(string.Join(',', names.Select(CsvField))).ConfigureAwait(false);
        }

        await foreach (RowGroupBatch batch in reader.ReadAsync(options, cancellationToken).ConfigureAwait(false))
        {
            int n = (int)Math.Min(batch.RowCount, maxRows - written);
            await output.WriteAsync(Render(batch, format, 0, n).AsMemory(), cancellationToken).ConfigureAwait(false);
            written += n;
            if (written >= maxRows)
            {
                break;
            }
        }

        return written;
    }

    /// <summary>Renders rows [start, start + count) of a batch; each row ends with a newline (no CSV header).</summary>
    public static string Render(RowGroupBatch batch, ParquetRowFormat format, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, batch.RowCount);
        var sb = new System.Text.StringBuilder(count * 16 * Math.Max(1, batch.Columns.Count));
        string[] keys = format == ParquetRowFormat.Csv ? [] : JsonKeys(batch);
        for (int r = start; r < start + count; r++)
        {
            if (format == ParquetRowFormat.JsonLines)
            {
                sb.Append('{');
            }

            for (int c = 0; c < batch.Columns.Count; c++)
            {
                ColumnBuffer col = batch.Columns[c];
                string? v = ParquetValueFormatter.Format(col, r);
                if (c > 0)
                {
                    sb.Append(',');
                }

                if (format == ParquetRowFormat.Csv)
                {
                    sb.Append(v is null ? "" : CsvField(v));
                    continue;
                }

                sb.Append(keys[c]);
                sb.Append(v is null ? "null" : IsJsonNumber(col.Column, v) ? v : "\"" + Encoder.Encode(v) + "\"");
            }

            sb.Append(format == ParquetRowFormat.JsonLines ? "}\n" : "\n");
        }

        return sb.ToString();
    }

    /// <summary>Each column's <c>"name":</c> prefix, escaped once per batch rather than once per row.</summary>
    private static string[] JsonKeys(RowGroupBatch batch)
    {
        string[] keys = new string[batch.Columns.Count];
        for (int c = 0; c < keys.Length; c++)
        {
            keys[c] = "\"" + Encoder.Encode(batch.Columns[c].Column.Name) + "\":";
        }

        return keys;
    }

    private static bool IsJsonNumber(ParquetColumn c, string v) => c.Kind switch
    {
        ParquetValueKind.Int32 or ParquetValueKind.Int64 => true,
        ParquetValueKind.Float or ParquetValueKind.Double or ParquetValueKind.Float16 => v is not ("NaN" or "Infinity" or "-Infinity"),
        ParquetValueKind.Boolean => true,
        _ => false,
    };

    private static string CsvField(string v) =>
        v.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;

    private static string[] NamesOf(ParquetSchema schema)
    {
        string[] names = new string[schema.Columns.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = schema.Columns[i].Name;
        }

        return names;
    }
}
