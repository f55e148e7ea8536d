using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;
using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Csv;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;

namespace QuantFunctions.DataOps.Providers;

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

        // Files are read and parsed in parallel (each on its own: bytes, rows, issues), then merged in file order, so
        // the result, the issues and the first error reported are the same as a sequential read's.
        var parsed = new FileParse[files.Count];
        await Parallel.ForAsync(0, files.Count, new ParallelOptions { CancellationToken = cancellationToken }, async (i, ct) =>
        {
            string file = files[i];
            byte[] bytes = await File.ReadAllBytesAsync(file, ct).ConfigureAwait(false);
            var fileIssues = new List<RowIssue>();
            try
            {
                IReadOnlyList<ProviderFetch> read = Path.GetExtension(file).Equals(".parquet", StringComparison.OrdinalIgnoreCase)
                    ? ReadParquet(bytes, file, options, fileIssues)
                    : IsData(file) ? ReadCsv(bytes, file, options, fileIssues) : throw new DatasetSchemaException($"{file}: unknown file type; OHLCV files are .csv or .parquet");
                parsed[i] = new FileParse(read, fileIssues, null);
            }
            catch (DatasetSchemaException ex)
            {
                parsed[i] = new FileParse([], fileIssues, ex);
            }
        }).ConfigureAwait(false);

        var fetches = new SortedDictionary<string, ProviderFetch>(StringComparer.Ordinal);
        var issues = new List<RowIssue>();
        for (int i = 0; i < files.Count; i++)
        {
            FileParse result = parsed[i];
            if (result.Error is not null)
            {
                ExceptionDispatchInfo.Throw(result.Error);
            }

            issues.AddRange(result.Issues);
            foreach (ProviderFetch fetch in result.Fetches)
            {
                if (!fetches.TryAdd(fetch.Bars.Symbol.Value, fetch))
                {
                    throw new DatasetSchemaException($"{files[i]}: symbol {fetch.Bars.Symbol} also appears in an earlier file; one symbol's bars come from one file");
                }
            }
        }

        return new OhlcvFileSet([.. fetches.Values], issues, files);
    }

    /// <summary>Reads CSV bytes (UTF-8, an optional UTF-8 BOM is ignored; UTF-16/32 is rejected) through <see cref="CsvReader"/>.</summary>
    /// <param name="bytes">The file content.</param>
    /// <param name="source">The file name (per-symbol layout: its stem is the ticker).</param>
    /// <param name="options">Layout, mapping and mode.</param>
    /// <param name="issues">Receives dropped rows in lenient mode.</param>
    /// <exception cref="DatasetSchemaException">Malformed content (strict mode), missing columns, or a quote that never
    /// closes (in either mode: the rest of the file cannot be split reliably).</exception>
    public static IReadOnlyList<ProviderFetch> ReadCsv(byte[] bytes, string source, OhlcvImportOptions options, List<RowIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(issues);
        bool isLong = options.Layout == OhlcvLayout.Long;
        using CsvReader csv = CsvReader.Open(bytes, source);
        string[] header = csv.Header;
        if (header.Length == 0)
        {
            throw new DatasetSchemaException($"{source}: the file is empty; expected a header row");
        }

        int[] col = options.Map.Resolve(header, isLong, source);
        BarAccumulator? single = isLong ? null : new BarAccumulator(SymbolOfFile(source, options.Market), 4096, source);
        var bySymbol = new Dictionary<string, (BarAccumulator Bars, StringBuilder Lines)>(StringComparer.Ordinal);
        string headerLine = csv.HeaderText;
        Span<double> values = stackalloc double[5];
        while (csv.Read())
        {
            CsvRow row = csv.Row;
            int lineNumber = row.Line;
            string? error = row.Count != header.Length
                ? string.Create(CultureInfo.InvariantCulture, $"{source}:{lineNumber}:{Math.Min(row.Count, header.Length) + 1}: {row.Count} fields, the header has {header.Length}")
                : null;
            BarAccumulator? target = single;
            if (error is null && isLong)
            {
                string cell = row.Cell(col[1]).ToString().ToUpperInvariant();
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
                    entry.Lines.Append(row.RawText).Append('\n');
                }
            }

            error ??= ParseRow(row, col, source, values, target!);
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
            return [single.ToFetch(bytes, RawFormat.Csv, [])];
        }

        var result = new List<ProviderFetch>(bySymbol.Count);
        foreach ((BarAccumulator bars, StringBuilder lines) in bySymbol.Values)
        {
            result.Add(bars.ToFetch(Encoding.UTF8.GetBytes(lines.ToString()), RawFormat.Csv, []));
        }

        return result;
    }

    /// <summary>One file's share of a parallel read: what it yielded, its dropped rows, or the error it raised.</summary>
    private sealed record FileParse(IReadOnlyList<ProviderFetch> Fetches, List<RowIssue> Issues, DatasetSchemaException? Error);

    private static bool IsData(string file) =>
        Path.GetExtension(file) is string e && (e.Equals(".csv", StringComparison.OrdinalIgnoreCase) || e.Equals(".parquet", StringComparison.OrdinalIgnoreCase));

    private static Symbol SymbolOfFile(string source, string market)
    {
        string ticker = Path.GetFileNameWithoutExtension(source).Trim().ToUpperInvariant();
        return Symbol.TryParse(market + ":" + ticker, out Symbol symbol)
            ? symbol
            : throw new DatasetSchemaException($"{source}: the file name '{ticker}' is not a ticker (A-Z 0-9 . _ -); in the per-symbol layout each file is named by its ticker");
    }

    private static string? ParseRow(CsvRow row, int[] col, string source, Span<double> v, BarAccumulator target)
    {
        ReadOnlySpan<char> dateCell = row.Cell(col[0]);
        if (ParseDate(dateCell) is not DateOnly date)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{source}:{row.Line}:{col[0] + 1}: '{dateCell}' is not a date (yyyy-MM-dd, ISO-8601 or epoch)");
        }

        for (int k = 0; k < 5; k++)
        {
            int c = col[k + 2];
            if (!row.TryNumber(c, out v[k]))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{source}:{row.Line}:{c + 1}: '{row.Cell(c)}' is not a number ({OhlcvColumnMap.Fields[k + 2]})");
            }
        }

        target.Add(date, v[0], v[1], v[2], v[3], v[4], row.Line);
        return null;
    }

    /// <summary>
    /// <c>yyyy-MM-dd</c> by digits (the common case of every daily file; <see cref="DateOnly.TryParseExact(ReadOnlySpan{char}, ReadOnlySpan{char}, IFormatProvider?, DateTimeStyles, out DateOnly)"/>
    /// costs several times more per row); false for anything else, including impossible dates such as 2024-02-30.
    /// </summary>
    private static bool TryParseIsoDate(ReadOnlySpan<char> cell, out DateOnly date)
    {
        date = default;
        if (cell[4] != '-' || cell[7] != '-')
        {
            return false;
        }

        int year = 0, month = 0, day = 0;
        for (int i = 0; i < 10; i++)
        {
            if (i is 4 or 7)
            {
                continue;
            }

            int digit = cell[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            if (i < 4)
            {
                year = (year * 10) + digit;
            }
            else if (i < 7)
            {
                month = (month * 10) + digit;
            }
            else
            {
                day = (day * 10) + digit;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Parses a bar date: <c>yyyy-MM-dd</c>, an ISO-8601 timestamp (UTC date) or Unix epoch seconds/milliseconds.</summary>
    internal static DateOnly? ParseDate(ReadOnlySpan<char> cell)
    {
        if (cell.Length == 10 && TryParseIsoDate(cell, out DateOnly d))
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
}
