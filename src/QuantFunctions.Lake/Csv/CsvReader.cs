using System.Globalization;
using System.Text;
using nietras.SeparatedValues;
using QuantFunctions.Lake.Datasets;

namespace QuantFunctions.Lake.Csv;

/// <summary>
/// The one CSV reader of the project, on Sep (SIMD field splitting, csFastFloat number parsing): returns and
/// prices for <c>quant allocate</c> and OHLCV imports all read through it, with the same errors.
/// </summary>
/// <remarks>
/// <para>Comma-separated, RFC 4180 double quotes (<c>""</c> inside a quoted field is a quote), invariant
/// culture. The header is the first non-blank row; blank rows are skipped. Encoding is UTF-8: a UTF-8 byte
/// order mark is accepted and ignored (Excel and pandas' <c>utf-8-sig</c> write one); a UTF-16 or UTF-32
/// byte order mark is rejected naming the encoding.</para>
/// <para>Errors (<see cref="DatasetSchemaException"/>) name <c>file:line:column</c>, 1-based: a quoted field
/// that never closes or spans lines, text after a closing quote. Column counts are checked by the callers,
/// whose messages say what the row is for.</para>
/// </remarks>
public sealed class CsvReader : IDisposable
{
    private static readonly SepReaderOptions Options = Sep.New(',').Reader() with
    {
        HasHeader = false,
        DisableColCountCheck = true,
        CultureInfo = CultureInfo.InvariantCulture,
        Unescape = false,
        Trim = SepTrim.None,
    };

    private readonly SepReader _sep;

    /// <summary>Where the next row starts: Sep's own line numbers are unreliable for a row left open at the end of the file.</summary>
    private int _nextLine = 1;

    private CsvReader(SepReader sep, string source)
    {
        _sep = sep;
        Source = source;
        if (!Read())
        {
            Header = [];
            HeaderText = string.Empty;
            return;
        }

        // The header is the first non-blank row, skipped and validated as any row is.
        SepReader.Row row = _sep.Current;
        HeaderLine = row.LineNumberFrom;
        HeaderText = row.Span.ToString();
        Header = new string[row.ColCount];
        for (int c = 0; c < Header.Length; c++)
        {
            Header[c] = new CsvRow(row).Text(c);
        }
    }

    /// <summary>The file name used in messages.</summary>
    public string Source { get; }

    /// <summary>The header's cells, unquoted and unescaped (not trimmed); empty when the file holds no non-blank row.</summary>
    public string[] Header { get; }

    /// <summary>The header row's text as in the file (without its line end).</summary>
    public string HeaderText { get; }

    /// <summary>The 1-based line of the header.</summary>
    public int HeaderLine { get; }

    /// <summary>The current data row (valid after <see cref="Read"/> returned true, until the next call).</summary>
    public CsvRow Row => new(_sep.Current);

    /// <summary>Opens CSV bytes (UTF-8, optional UTF-8 BOM) and reads the header.</summary>
    /// <exception cref="DatasetSchemaException">A UTF-16/UTF-32 byte order mark, or a malformed header.</exception>
    public static CsvReader Open(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(source);
        RejectNonUtf8(bytes, source);
        return new CsvReader(Options.From(bytes), source);
    }

    /// <summary>
    /// Opens a CSV file and reads the header; the file is streamed through Sep's buffer (never read whole), so
    /// large files cost no second copy.
    /// </summary>
    /// <exception cref="DatasetSchemaException">A UTF-16/UTF-32 byte order mark, or a malformed header.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static CsvReader OpenFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        try
        {
            Span<byte> start = stackalloc byte[4];
            int read = stream.ReadAtLeast(start, 4, throwOnEndOfStream: false);
            RejectNonUtf8(start[..read], path);
            stream.Position = 0;
            // Large reads: a StreamReader's default 1 KB buffer would cost one system call per kilobyte.
            return new CsvReader(Options.From(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16)), path);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Opens CSV text (a leading U+FEFF is ignored) and reads the header.</summary>
    /// <exception cref="DatasetSchemaException">A malformed header.</exception>
    public static CsvReader Open(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        return new CsvReader(Options.FromText(text.StartsWith('\uFEFF') ? text[1..] : text), source);
    }

    /// <summary>Moves to the next non-blank row.</summary>
    /// <returns>False at the end of the file.</returns>
    /// <exception cref="DatasetSchemaException">A quoted field that never closes or spans lines, or text after a closing quote.</exception>
    public bool Read()
    {
        while (_sep.MoveNext())
        {
            SepReader.Row row = _sep.Current;
            if (IsBlank(row))
            {
                _nextLine = row.LineNumberToExcl;
                continue;
            }

            Validate(row, Source);
            _nextLine = row.LineNumberToExcl;
            return true;
        }

        return false;
    }

    /// <inheritdoc />
    public void Dispose() => _sep.Dispose();

    private static bool IsBlank(SepReader.Row row) => row.ColCount == 1 && row.Span.IsWhiteSpace();

    private static void RejectNonUtf8(ReadOnlySpan<byte> bytes, string source)
    {
        string? encoding =
            bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) ? "UTF-32 LE"
            : bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]) ? "UTF-32 BE"
            : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? "UTF-16 LE"
            : bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? "UTF-16 BE"
            : null;
        if (encoding is not null)
        {
            throw new DatasetSchemaException($"{source}:1:1: the file starts with a {encoding} byte order mark; CSV input must be UTF-8 (save it as UTF-8, with or without BOM)");
        }
    }

    /// <summary>
    /// Sep splits quoted fields across line ends and treats an unclosed quote as running to the end of the
    /// file; this project's CSVs never hold line breaks in fields, so either is reported where the quote opened.
    /// </summary>
    private void Validate(SepReader.Row row, string source)
    {
        ReadOnlySpan<char> text = row.Span;
        if (!text.Contains('"'))
        {
            return;
        }

        for (int c = 0; c < row.ColCount; c++)
        {
            ReadOnlySpan<char> cell = row[c].Span;
            int quote = cell.IndexOf('"');
            if (quote < 0)
            {
                continue;
            }

            if (cell.ContainsAny('\n', '\r') || (cell[0] == '"' && !IsClosed(cell, out _)))
            {
                throw new DatasetSchemaException(string.Create(CultureInfo.InvariantCulture, $"{source}:{LineOf(row, cell, quote)}:{c + 1}: unterminated quote (fields may not span lines)"));
            }

            if (cell[0] == '"' && IsClosed(cell, out int close) && close != cell.Length - 1)
            {
                throw new DatasetSchemaException(string.Create(CultureInfo.InvariantCulture, $"{source}:{LineOf(row, cell, close)}:{c + 1}: text after the closing quote: {cell.ToString()}"));
            }
        }
    }

    /// <summary>Whether the quoted <paramref name="cell"/> has a closing quote; <paramref name="close"/> is its index.</summary>
    private static bool IsClosed(ReadOnlySpan<char> cell, out int close)
    {
        int j = 1;
        while (true)
        {
            int q = cell[j..].IndexOf('"');
            if (q < 0)
            {
                close = -1;
                return false;
            }

            q += j;
            if (q + 1 < cell.Length && cell[q + 1] == '"')
            {
                j = q + 2;
                continue;
            }

            close = q;
            return true;
        }
    }

    private int LineOf(SepReader.Row row, ReadOnlySpan<char> cell, int index)
    {
        ReadOnlySpan<char> text = row.Span;
        int offset = text.Overlaps(cell, out int at) ? at + index : 0;
        return _nextLine + text[..Math.Min(offset, text.Length)].Count('\n');
    }
}
