using System.Globalization;
using System.Text;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Lake.Datasets;

/// <summary>
/// Reads a user's returns (or prices) file — CSV or Parquet — into a <see cref="ReturnsFile"/>:
/// columns = assets, rows = periods, an optional date/timestamp index column. Missing cells become
/// NaN (never zero); anything else that is not a finite number is an error naming the file and cell.
/// </summary>
/// <remarks>
/// <para><b>CSV</b>: a header row of column names, comma-separated, invariant culture (<c>.</c> decimal
/// separator), optional double quotes. The first column is the index when its header is one of
/// <c>date, ts, timestamp, time, datetime, index, period</c> (any case) or empty (pandas' unnamed
/// index), or when its first cell is not a number but parses as a date. Empty cells and the literal
/// <c>NaN</c> are missing. Errors name <c>file:line:column</c> (1-based).</para>
/// <para><b>Parquet</b>: DOUBLE and FLOAT columns are assets (null = missing); one DATE or TIMESTAMP
/// column (or a STRING column with an index name) is the index; any other column is an error.</para>
/// <para>Both: at least one asset column and one row, unique asset names, and every asset with at
/// least one value — an all-missing column is rejected rather than dropped.</para>
/// </remarks>
public static class ReturnsFileReader
{
    private static readonly string[] IndexNames = ["", "date", "ts", "timestamp", "time", "datetime", "index", "period"];

    /// <summary>Reads <paramref name="path"/>, choosing the format by its extension (<c>.csv</c> or <c>.parquet</c>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DatasetSchemaException">Unknown extension, malformed or unusable content (names file, line, column).</exception>
    public static async Task<ReturnsFile> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string extension = Path.GetExtension(path);
        if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return await ReadCsvAsync(reader, path, cancellationToken).ConfigureAwait(false);
        }

        if (extension.Equals(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.RandomAccess);
            await using (stream.ConfigureAwait(false))
            {
                return await ReadParquetAsync(stream, path, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new DatasetSchemaException($"{path}: unknown file type '{extension}'; a returns file is .csv or .parquet");
    }

    /// <summary>Reads CSV text (see the remarks of <see cref="ReturnsFileReader"/>).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">The file name used in messages.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="DatasetSchemaException">Malformed or unusable content; the message names <c>source:line:column</c>.</exception>
    public static async Task<ReturnsFile> ReadCsvAsync(TextReader reader, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        int lineNumber = 0;
        string? line;
        do
        {
            line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            lineNumber++;
        }
        while (line is not null && string.IsNullOrWhiteSpace(line));

        if (line is null)
        {
            throw new DatasetSchemaException($"{source}: the file is empty; expected a header row of asset names");
        }

        var fields = new List<Range>();
        CsvFields.Split(line, fields, source, lineNumber);
        string[] header = new string[fields.Count];
        for (int c = 0; c < header.Length; c++)
        {
            header[c] = CsvFields.Text(line, fields[c]).Trim();
        }

        bool? hasIndex = IsIndexName(header[0]) ? true : null;
        var values = new List<double>();
        var index = new List<string>();
        int rows = 0;
        while ((line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            CsvFields.Split(line, fields, source, lineNumber);
            if (fields.Count != header.Length)
            {
                throw new DatasetSchemaException($"{source}:{lineNumber}: the row has {fields.Count} fields but the header has {header.Length}");
            }

            hasIndex ??= header.Length > 1 && LooksLikeDate(CsvFields.Text(line, fields[0]));
            int first = hasIndex.Value ? 1 : 0;
            if (hasIndex.Value)
            {
                string label = CsvFields.Text(line, fields[0]).Trim();
                if (label.Length == 0)
                {
                    throw new DatasetSchemaException($"{source}:{lineNumber}:1: the {IndexLabel(header[0])} cell is empty");
                }

                index.Add(label);
            }

            for (int c = first; c < fields.Count; c++)
            {
                values.Add(ParseCell(line, fields[c], source, lineNumber, c, header[c]));
            }

            rows++;
        }

        bool indexed = hasIndex ?? IsIndexName(header[0]);
        int offset = indexed ? 1 : 0;
        string[] assets = header[offset..];
        double[] columnMajor = new double[values.Count];
        int n = assets.Length;
        for (int t = 0; t < rows; t++)
        {
            for (int j = 0; j < n; j++)
            {
                columnMajor[(j * rows) + t] = values[(t * n) + j];
            }
        }

        return Build(source, assets, offset, rows, columnMajor, indexed ? header[0] : null, indexed ? [.. index] : null);
    }

    /// <summary>Reads a Parquet file (see the remarks of <see cref="ReturnsFileReader"/>).</summary>
    /// <param name="stream">A seekable stream over the file.</param>
    /// <param name="source">The file name used in messages.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="DatasetSchemaException">Not a Parquet file, unsupported columns, infinite values, unusable content.</exception>
    public static async Task<ReturnsFile> ReadParquetAsync(Stream stream, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            using ParquetReader reader = await ParquetReader.OpenAsync(stream, source, cancellationToken: cancellationToken).ConfigureAwait(false);
            IReadOnlyList<ParquetColumn> schema = reader.Schema.Columns;
            var assetColumns = new List<int>();
            int indexColumn = -1;
            for (int c = 0; c < schema.Count; c++)
            {
                ParquetColumn column = schema[c];
                if (column.Kind is ParquetValueKind.Double or ParquetValueKind.Float)
                {
                    assetColumns.Add(c);
                }
                else if (column.Kind is ParquetValueKind.Date or ParquetValueKind.Timestamp
                    || (column.Kind == ParquetValueKind.String && IsIndexName(column.Name)))
                {
                    indexColumn = indexColumn < 0
                        ? c
                        : throw new DatasetSchemaException($"{source}: two index columns ('{schema[indexColumn].Name}' and '{column.Name}'); a returns file has at most one date/timestamp column");
                }
                else
                {
                    throw new DatasetSchemaException($"{source}: column '{column.Name}' is {column.Kind}; a returns file holds DOUBLE asset columns and at most one DATE/TIMESTAMP index column");
                }
            }

            int n = assetColumns.Count;
            long total = reader.RowCount;
            if (n > 0 && total > int.MaxValue / n)
            {
                throw new DatasetSchemaException($"{source}: {total} rows × {n} assets is too large to allocate on");
            }

            int rows = (int)total;
            double[] values = new double[rows * n];
            string[]? index = indexColumn < 0 ? null : new string[rows];
            int at = 0;
            for (int rg = 0; rg < reader.RowGroupCount; rg++)
            {
                RowGroupBatch batch = await reader.ReadRowGroupAsync(rg, null, cancellationToken).ConfigureAwait(false);
                for (int j = 0; j < n; j++)
                {
                    CopyAssetColumn(batch.Columns[assetColumns[j]], values.AsSpan((j * rows) + at, batch.RowCount), source, at);
                }

                if (index is not null)
                {
                    ColumnBuffer labels = batch.Columns[indexColumn];
                    for (int r = 0; r < batch.RowCount; r++)
                    {
                        index[at + r] = ParquetValueFormatter.Format(labels, r)
                            ?? throw new DatasetSchemaException($"{source}: row {at + r + 1}: the index column '{labels.Column.Name}' is null");
                    }
                }

                at += batch.RowCount;
            }

            string[] assets = new string[n];
            for (int j = 0; j < n; j++)
            {
                assets[j] = schema[assetColumns[j]].Name;
            }

            return Build(source, assets, 0, rows, values, indexColumn < 0 ? null : schema[indexColumn].Name, index);
        }
        catch (ParquetFormatException ex)
        {
            throw new DatasetSchemaException($"{source}: not a readable Parquet file: {ex.Message}", ex);
        }
    }

    private static void CopyAssetColumn(ColumnBuffer column, Span<double> destination, string source, int firstRow)
    {
        for (int r = 0; r < destination.Length; r++)
        {
            double v = column.IsNull(r) ? double.NaN : column.Doubles is { } d ? d[r] : column.Floats![r];
            if (double.IsInfinity(v))
            {
                throw new DatasetSchemaException($"{source}: row {firstRow + r + 1}, column '{column.Column.Name}': the value is {v.ToString(CultureInfo.InvariantCulture)}; values must be finite (leave missing values null)");
            }

            destination[r] = v;
        }
    }

    private static double ParseCell(string line, Range field, string source, int lineNumber, int column, string asset)
    {
        ReadOnlySpan<char> text = CsvFields.Span(line, field).Trim();
        if (text.IsEmpty)
        {
            return double.NaN;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
        {
            throw new DatasetSchemaException($"{source}:{lineNumber}:{column + 1}: '{text}' in column '{asset}' is not a number (invariant culture, e.g. 0.0123; leave missing values empty)");
        }

        if (double.IsInfinity(v))
        {
            throw new DatasetSchemaException($"{source}:{lineNumber}:{column + 1}: '{text}' in column '{asset}' is infinite; values must be finite (leave missing values empty)");
        }

        return v;
    }

    private static ReturnsFile Build(string source, string[] assets, int firstColumn, int rows, double[] values, string? indexColumn, string[]? index)
    {
        if (assets.Length == 0)
        {
            throw new DatasetSchemaException($"{source}: no asset columns (a returns file has one numeric column per asset)");
        }

        if (rows == 0)
        {
            throw new DatasetSchemaException($"{source}: no data rows");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < assets.Length; j++)
        {
            if (assets[j].Length == 0)
            {
                throw new DatasetSchemaException($"{source}: column {j + firstColumn + 1} has an empty name");
            }

            if (!seen.TryAdd(assets[j], j))
            {
                throw new DatasetSchemaException($"{source}: duplicate column '{assets[j]}' (columns {seen[assets[j]] + firstColumn + 1} and {j + firstColumn + 1})");
            }

            bool any = false;
            foreach (double v in values.AsSpan(j * rows, rows))
            {
                if (!double.IsNaN(v))
                {
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                throw new DatasetSchemaException($"{source}: column '{assets[j]}' (column {j + firstColumn + 1}) has no values; every asset needs at least one (drop the column)");
            }
        }

        return new ReturnsFile(source, assets, rows, values, indexColumn, index);
    }

    private static bool IsIndexName(string name)
    {
        foreach (string candidate in IndexNames)
        {
            if (name.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool LooksLikeDate(string cell)
    {
        string text = cell.Trim().Trim('"');
        return !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
    }

    private static string IndexLabel(string name) => name.Length == 0 ? "index" : $"'{name}'";
}
