using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QuantFunctions.Cli.Sql;

/// <summary>
/// Writes a query result as an aligned text table, CSV (with a header) or JSON lines, with the value formats of
/// <c>quant parquet cat</c>: round-trip floats, ISO dates and timestamps, <c>true</c>/<c>false</c>, empty CSV
/// fields and JSON <c>null</c> for NULL, NaN and infinities as JSON strings, lists and structs as JSON.
/// </summary>
public static class SqlResultWriter
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    private static readonly JsonSerializerOptions Json = new() { Encoder = Encoder };

    /// <summary>Writes at most <paramref name="maxRows"/> rows of <paramref name="reader"/>; returns the rows written.</summary>
    public static async Task<long> WriteAsync(DbDataReader reader, TextWriter output, SqlOutputFormat format, long maxRows = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        string[] names = new string[reader.FieldCount];
        bool[] utc = new bool[names.Length];
        for (int c = 0; c < names.Length; c++)
        {
            names[c] = reader.GetName(c);
            utc[c] = IsTimestampWithTimeZone(reader.GetDataTypeName(c));
        }

        if (format == SqlOutputFormat.Table)
        {
            return await WriteTableAsync(reader, output, names, utc, maxRows, cancellationToken).ConfigureAwait(false);
        }

        if (format == SqlOutputFormat.Csv)
        {
            await output.WriteLineAsync(string.Join(',', names.Select(CsvField))).ConfigureAwait(false);
        }

        string[] keys = [.. names.Select(n => "\"" + Encoder.Encode(n) + "\":")];
        long written = 0;
        var line = new StringBuilder();
        while (written < maxRows && reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            line.Clear();
            if (format == SqlOutputFormat.JsonLines)
            {
                line.Append('{');
            }

            for (int c = 0; c < names.Length; c++)
            {
                if (c > 0)
                {
                    line.Append(',');
                }

                object? value = reader.IsDBNull(c) ? null : Value(reader, c, utc[c]);
                if (format == SqlOutputFormat.Csv)
                {
                    line.Append(value is null ? "" : CsvField(Text(value)));
                }
                else
                {
                    line.Append(keys[c]).Append(JsonValue(value));
                }
            }

            line.Append(format == SqlOutputFormat.JsonLines ? "}" : "");
            await output.WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
            written++;
        }

        return written;
    }

    /// <summary>A value as text (NULL is the empty string in tables and CSV).</summary>
    public static string Text(object? value) => value switch
    {
        null or DBNull => "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.Kind == DateTimeKind.Utc ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToHexStringLower(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IDictionary or IList => ToJson(value)!.ToJsonString(Json),
        _ => value.ToString() ?? "",
    };

    /// <summary>DuckDB.NET returns TIMESTAMP WITH TIME ZONE as a DateTime of unspecified kind holding UTC: mark it UTC.</summary>
    private static object Value(DbDataReader reader, int column, bool utc)
    {
        object value = reader.GetValue(column);
        return utc && value is DateTime { Kind: not DateTimeKind.Utc } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : value;
    }

    private static bool IsTimestampWithTimeZone(string typeName) =>
        typeName.Contains("TZ", StringComparison.OrdinalIgnoreCase) || typeName.Contains("TIME ZONE", StringComparison.OrdinalIgnoreCase);

    private static string JsonValue(object? value) => value switch
    {
        null or DBNull => "null",
        double d when double.IsFinite(d) => Text(d),
        float f when float.IsFinite(f) => Text(f),
        bool or sbyte or byte or short or ushort or int or uint or long or ulong or decimal or BigInteger => Text(value),
        IDictionary or IList => ToJson(value)!.ToJsonString(Json),
        _ => "\"" + Encoder.Encode(Text(value)) + "\"",
    };

    private static JsonNode? ToJson(object? value) => value switch
    {
        null or DBNull => null,
        IDictionary map => new JsonObject(map.Keys.Cast<object>().Select(k => KeyValuePair.Create(Text(k), ToJson(map[k])))),
        IList list => new JsonArray([.. list.Cast<object?>().Select(ToJson)]),
        _ => JsonNode.Parse(JsonValue(value)),
    };

    private static async Task<long> WriteTableAsync(DbDataReader reader, TextWriter output, string[] names, bool[] utc, long maxRows, CancellationToken cancellationToken)
    {
        var rows = new List<string[]>();
        bool[] numeric = new bool[names.Length];
        for (int c = 0; c < names.Length; c++)
        {
            Type type = reader.GetFieldType(c);
            numeric[c] = type.IsPrimitive && type != typeof(bool) || type == typeof(decimal) || type == typeof(BigInteger);
        }

        while (rows.Count < maxRows && reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            string[] row = new string[names.Length];
            for (int c = 0; c < names.Length; c++)
            {
                row[c] = reader.IsDBNull(c) ? "" : Text(Value(reader, c, utc[c]));
            }

            rows.Add(row);
        }

        int[] widths = [.. names.Select(n => n.Length)];
        foreach (string[] row in rows)
        {
            for (int c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        var text = new StringBuilder();
        AppendRow(text, names, widths, new bool[names.Length]);
        AppendRow(text, [.. widths.Select(w => new string('-', w))], widths, new bool[names.Length]);
        foreach (string[] row in rows)
        {
            AppendRow(text, row, widths, numeric);
        }

        text.Append(rows.Count == 1 ? "(1 row)" : $"({rows.Count} rows)").Append('\n');
        await output.WriteAsync(text.ToString().AsMemory(), cancellationToken).ConfigureAwait(false);
        return rows.Count;
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths, bool[] rightAligned)
    {
        for (int c = 0; c < cells.Length; c++)
        {
            if (c > 0)
            {
                text.Append("  ");
            }

            bool last = c == cells.Length - 1;
            text.Append(rightAligned[c] ? cells[c].PadLeft(widths[c]) : last ? cells[c] : cells[c].PadRight(widths[c]));
        }

        text.Append('\n');
    }

    private static string CsvField(string v) =>
        v.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
}
