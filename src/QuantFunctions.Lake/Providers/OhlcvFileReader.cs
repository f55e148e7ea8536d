using System.Globalization;
using System.Text;
using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;

namespace QuantFunctions.Lake.Providers;

/// <summary>
/// Reads a user's OHLCV files — one file, or every <c>.csv</c>/<c>.parquet</c> in a folder (ordinal
/// order, not recursive) — in the per-symbol or long layout of <see cref="OhlcvImportOptions"/>.
/// </summary>
/// <remarks>
/// <para>Per-symbol files are named by their ticker (<c>AAPL.csv</c> → <c>XNYS:AAPL</c> with market
/// XNYS). In the long layout a symbol cell may be a bare ticker (the market is prefixed) or canonical
/// <c>EXCHANGE:SYMBOL</c>. Dates are <c>yyyy-MM-dd</c>, ISO-8601 timestamps (the UTC date is kept) or
/// Unix epoch seconds/milliseconds. Numbers use the invariant culture; an empty cell or <c>NaN</c> is
/// read as NaN and left to validation (it is never zero-filled).</para>
/// <para>A malformed row (wrong field count, unparseable date or number, invalid symbol) raises
/// <see cref="DatasetSchemaException"/> naming <c>file:line:column</c> (1-based) in strict mode, and is
/// dropped and recorded as a <see cref="RowIssue"/> otherwise. Rows are returned as read: order,
/// duplicates and OHLC consistency are checked by ingestion.</para>
/// </remarks>
public static partial class OhlcvFileReader
{
    /// <summary>Reads a file or a folder of files.</summary>
    /// <exception cref="FileNotFoundException">The path does not exist, or a folder holds no CSV/Parquet file.</exception>
    /// <exception cref="DatasetSchemaException">Malformed content (strict mode), missing columns or an unknown file type.</exception>
    public static async Task<OhlcvFileSet> ReadAsync(string path, OhlcvImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        var files = new List<string>();
        if (Directory.Exists(path))
        {
            foreach (string f in Directory.EnumerateFiles(path))
            {
                if (IsData(f))
                {
                    files.Add(f);
                }
            }

            files.Sort(StringComparer.Ordinal);
            if (files.Count == 0)
            {
                throw new FileNotFoundException($"{path}: the folder holds no .csv or .parquet file", path);
            }
        }
        else if (File.Exists(path))
        {
            files.Add(path);
        }
        else
        {
            throw new FileNotFoundException($"{path}: no such file or folder", path);
        }

        var fetches = new SortedDictionary<string, ProviderFetch>(StringComparer.Ordinal);
        var issues = new List<RowIssue>();
        foreach (string file in files)
        {
            byte[] bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<ProviderFetch> read = Path.GetExtension(file).Equals(".parquet", StringComparison.OrdinalIgnoreCase)
                ? ReadParquet(bytes, file, options, issues)
                : IsData(file) ? ReadCsv(bytes, file, options, issues) : throw new DatasetSchemaException($"{file}: unknown file type; OHLCV files are .csv or .parquet");
            foreach (ProviderFetch fetch in read)
            {
                if (!fetches.TryAdd(fetch.Bars.Symbol.Value, fetch))
                {
                    throw new DatasetSchemaException($"{file}: symbol {fetch.Bars.Symbol} also appears in an earlier file; one symbol's bars come from one file");
                }
            }
        }

        return new OhlcvFileSet([.. fetches.Values], issues, files);
    }

    /// <summary>Reads CSV bytes (UTF-8, optional BOM).</summary>
    /// <param name="bytes">The file content.</param>
    /// <param name="source">The file name (per-symbol layout: its stem is the ticker).</param>
    /// <param name="options">Layout, mapping and mode.</param>
    /// <param name="issues">Receives dropped rows in lenient mode.</param>
    /// <exception cref="DatasetSchemaException">Malformed content (strict mode) or missing columns.</exception>
    public static IReadOnlyList<ProviderFetch> ReadCsv(byte[] bytes, string source, OhlcvImportOptions options, List<RowIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(issues);
        string text = Encoding.UTF8.GetString(bytes.AsSpan(bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0));
        bool isLong = options.Layout == OhlcvLayout.Long;
        var fields = new List<Range>(16);
        int position = 0, lineNumber = 0;
        string? headerLine = NextLine(text, ref position, ref lineNumber) is Range h ? text[h] : null;
        while (headerLine is not null && string.IsNullOrWhiteSpace(headerLine))
        {
            headerLine = NextLine(text, ref position, ref lineNumber) is Range next ? text[next] : null;
        }

        if (headerLine is null)
        {
            throw new DatasetSchemaException($"{source}: the file is empty; expected a header row");
        }

        CsvFields.Split(headerLine, fields, source, lineNumber);
        var header = new string[fields.Count];
        for (int c = 0; c < header.Length; c++)
        {
            header[c] = CsvFields.Text(headerLine, fields[c]);
        }

        int[] col = options.Map.Resolve(header, isLong, source);
        BarAccumulator? single = isLong ? null : new BarAccumulator(SymbolOfFile(source, options.Market), 4096, source);
        var bySymbol = new Dictionary<string, (BarAccumulator Bars, StringBuilder Lines)>(StringComparer.Ordinal);
        Span<double> values = stackalloc double[5];
        while (NextLine(text, ref position, ref lineNumber) is Range lineRange)
        {
            ReadOnlySpan<char> line = text.AsSpan()[lineRange];
            if (line.IsEmpty)
            {
                continue;
            }

            string? error = SplitLine(text, lineRange, fields, source, lineNumber);
            if (error is null && fields.Count != header.Length)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"{source}:{lineNumber}:{Math.Min(fields.Count, header.Length) + 1}: {fields.Count} fields, the header has {header.Length}");
            }

            BarAccumulator? target = single;
            if (error is null && isLong)
            {
                string cell = Cell(text, fields[col[1]]).Trim().ToString().ToUpperInvariant();
                string canonical = cell.Contains(':', StringComparison.Ordinal) ? cell : options.Market + ":" + cell;
                if (!Symbol.TryParse(canonical, out Symbol symbol))
                {
                    error = string.Create(CultureInfo.InvariantCulture, $"{source}:{lineNumber}:{col[1] + 1}: symbol '{cell}' is not a ticker or EXCHANGE:SYMBOL");
                }
                else
                {
                    if (!bySymbol.TryGetValue(symbol.Value, out (BarAccumulator Bars, StringBuilder Lines) entry))
                    {
                        entry = (new BarAccumulator(symbol, 256, source), new StringBuilder(headerLine).Append('\n'));
                        bySymbol.Add(symbol.Value, entry);
                    }

                    target = entry.Bars;
                    entry.Lines.Append(line).Append('\n');
                }
            }

            error ??= ParseRow(text, fields, col, source, lineNumber, values, target!);
            if (error is not null)
            {
                if (options.Strict)
                {
                    throw new DatasetSchemaException(error);
                }

                int colon = error.IndexOf(": ", StringComparison.Ordinal);
                issues.Add(new RowIssue(target?.Symbol.Value ?? string.Empty, error[..colon], error[(colon + 2)..]));
            }
        }

        if (single is not null)
        {
            return [new ProviderFetch(single.ToBars(), bytes, RawFormat.Csv, [])];
        }

        var result = new List<ProviderFetch>(bySymbol.Count);
        foreach ((BarAccumulator bars, StringBuilder lines) in bySymbol.Values)
        {
            result.Add(new ProviderFetch(bars.ToBars(), Encoding.UTF8.GetBytes(lines.ToString()), RawFormat.Csv, []));
        }

        return result;
    }

    private static bool IsData(string file) =>
        Path.GetExtension(file) is string e && (e.Equals(".csv", StringComparison.OrdinalIgnoreCase) || e.Equals(".parquet", StringComparison.OrdinalIgnoreCase));

    private static Symbol SymbolOfFile(string source, string market)
    {
        string ticker = Path.GetFileNameWithoutExtension(source).Trim().ToUpperInvariant();
        return Symbol.TryParse(market + ":" + ticker, out Symbol symbol)
            ? symbol
            : throw new DatasetSchemaException($"{source}: the file name '{ticker}' is not a ticker (A-Z 0-9 . _ -); in the per-symbol layout each file is named by its ticker");
    }

    private static Range? NextLine(string text, ref int position, ref int lineNumber)
    {
        if (position >= text.Length)
        {
            return null;
        }

        int nl = text.IndexOf('\n', position);
        int end = nl < 0 ? text.Length : nl;
        int stop = end > position && text[end - 1] == '\r' ? end - 1 : end;
        var range = new Range(position, stop);
        position = nl < 0 ? text.Length : nl + 1;
        lineNumber++;
        return range;
    }

    /// <summary>Field ranges relative to <paramref name="text"/>: a comma scan for unquoted lines, <see cref="CsvFields"/> otherwise.</summary>
    private static string? SplitLine(string text, Range lineRange, List<Range> fields, string source, int lineNumber)
    {
        ReadOnlySpan<char> line = text.AsSpan()[lineRange];
        int offset = lineRange.Start.Value;
        if (line.IndexOf('"') < 0)
        {
            fields.Clear();
            int start = 0;
            while (true)
            {
                int comma = line[start..].IndexOf(',');
                if (comma < 0)
                {
                    fields.Add(new Range(offset + start, offset + line.Length));
                    return null;
                }

                fields.Add(new Range(offset + start, offset + start + comma));
                start += comma + 1;
            }
        }

        try
        {
            CsvFields.Split(line.ToString(), fields, source, lineNumber);
            for (int i = 0; i < fields.Count; i++)
            {
                fields[i] = new Range(offset + fields[i].Start.Value, offset + fields[i].End.Value);
            }

            return null;
        }
        catch (DatasetSchemaException ex)
        {
            return ex.Message;
        }
    }

    private static ReadOnlySpan<char> Cell(string text, Range field) => CsvFields.Span(text, field);

    private static string? ParseRow(string text, List<Range> fields, int[] col, string source, int lineNumber, Span<double> v, BarAccumulator target)
    {
        ReadOnlySpan<char> dateCell = Cell(text, fields[col[0]]).Trim();
        if (ParseDate(dateCell) is not DateOnly date)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{source}:{lineNumber}:{col[0] + 1}: '{dateCell}' is not a date (yyyy-MM-dd, ISO-8601 or epoch)");
        }

        for (int k = 0; k < 5; k++)
        {
            int c = col[k + 2];
            ReadOnlySpan<char> cell = Cell(text, fields[c]).Trim();
            if (!TryParseNumber(cell, out v[k]))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{source}:{lineNumber}:{c + 1}: '{cell}' is not a number ({OhlcvColumnMap.Fields[k + 2]})");
            }
        }

        target.Add(date, v[0], v[1], v[2], v[3], v[4], lineNumber);
        return null;
    }

    /// <summary>Parses a bar date: <c>yyyy-MM-dd</c>, an ISO-8601 timestamp (UTC date) or Unix epoch seconds/milliseconds.</summary>
    internal static DateOnly? ParseDate(ReadOnlySpan<char> cell)
    {
        if (cell.Length == 10 && DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d))
        {
            return d;
        }

        if (long.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out long epoch))
        {
            long ms = epoch >= 100_000_000_000 ? epoch : epoch * 1000;
            return ms <= 253_402_300_799_999 ? DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime) : null;
        }

        return DateTimeOffset.TryParse(cell, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset ts)
            ? DateOnly.FromDateTime(ts.UtcDateTime)
            : null;
    }

    private static bool TryParseNumber(ReadOnlySpan<char> cell, out double value)
    {
        if (cell.IsEmpty || cell.Equals("NaN", StringComparison.OrdinalIgnoreCase) || cell.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
