using System.Globalization;
using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Csv;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Lake.Datasets;

/// <summary>
/// Reads a user's returns (or prices) file — CSV or Parquet — into an undated <see cref="ReturnPanel"/>:
/// columns = assets, rows = periods, the optional date/timestamp index column as the panel's
/// <see cref="ReturnPanel.RowLabels"/> (as written). Missing cells become NaN (never zero); anything else that is
/// not a finite number is an error naming the file and cell. The values are returns or prices; the caller says which.
/// </summary>
/// <remarks>
/// <para><b>CSV</b> (read by <see cref="Csv.CsvReader"/> on Sep): a header row of column names,
/// comma-separated, UTF-8 (a UTF-8 BOM is ignored; UTF-16/32 is rejected), invariant culture (<c>.</c>
/// decimal separator), optional double quotes. The first column is the index when its header is one of
/// <c>date, ts, timestamp, time, datetime, index, period</c> (any case) or empty (pandas' unnamed
/// index), or when its first cell is not a number but parses as a date. Empty cells and the literals
/// <c>NaN</c> and <c>null</c> are missing. Errors name <c>file:line:column</c> (1-based).</para>
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
    public static async Task<ReturnPanel> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string extension = Path.GetExtension(path);
        if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            // Streamed and parsed synchronously: a local file, and the parse is CPU-bound (Sep keeps I/O in large blocks).
            using CsvReader csv = CsvReader.OpenFile(path);
            return ReadCsv(csv, new FileInfo(path).Length, cancellationToken);
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
    public static async Task<ReturnPanel> ReadCsvAsync(TextReader reader, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        string text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        using CsvReader csv = CsvReader.Open(text, source);
        return ReadCsv(csv, text.Length, cancellationToken);
    }

    /// <summary>
    /// Parses the rows straight into the column-major layout of <see cref="ReturnPanel"/>: one buffer of an estimated row
    /// capacity per column (the file length over the first data row's length, grown by doubling if short), its gaps
    /// closed in place at the end. One large array per read, no transpose, no allocation per cell.
    /// </summary>
    private static ReturnPanel ReadCsv(CsvReader csv, long length, CancellationToken cancellationToken)
    {
        string source = csv.Source;
        if (csv.Header.Length == 0)
        {
            throw new DatasetSchemaException($"{source}: the file is empty; expected a header row of asset names");
        }

        string[] header = new string[csv.Header.Length];
        for (int c = 0; c < header.Length; c++)
        {
            header[c] = csv.Header[c].Trim();
        }

        bool? hasIndex = IsIndexName(header[0]) ? true : null;
        int width = header.Length;
        double[] values = [];
        var index = new List<string>();
        int rows = 0, capacity = 0;
        while (csv.Read())
        {
            CsvRow row = csv.Row;
            if (row.Count != width)
            {
                throw new DatasetSchemaException($"{source}:{row.Line}: the row has {row.Count} fields but the header has {width}");
            }

            hasIndex ??= width > 1 && LooksLikeDate(row.Cell(0));
            int first = hasIndex.Value ? 1 : 0;
            int n = width - first;

            if (hasIndex.Value)
            {
                ReadOnlySpan<char> label = row.Cell(0);
                if (label.IsEmpty)
                {
                    throw new DatasetSchemaException($"{source}:{row.Line}:1: the {IndexLabel(header[0])} cell is empty");
                }

                index.Add(label.ToString());
            }

            if (rows == capacity)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // First row: the file length over this row's length (rows are alike) plus a sixteenth and 16 rows — rows
                // of 17-digit returns differ by a few percent in length, and a short estimate costs a doubling and a copy of
                // every column (measured: 2,000 × 500 estimated at 1,996 rows without the sixteenth); then doubling.
                long estimate = length / (row.RawText.Length + 1);
                long wanted = capacity == 0 ? estimate + (estimate / 16) + 16 : 2L * capacity;
                int grown = (int)Math.Min(wanted, int.MaxValue / Math.Max(n, 1));
                if (grown <= capacity)
                {
                    throw new DatasetSchemaException($"{source}:{row.Line}: {rows} rows × {n} assets is too large to allocate on");
                }

                values = GrowColumns(values, capacity, rows, grown, n);
                capacity = grown;
            }

            for (int c = first; c < width; c++)
            {
                if (!row.TryNumber(c, out double v))
                {
                    throw new DatasetSchemaException($"{source}:{row.Line}:{c + 1}: '{row.Cell(c)}' in column '{header[c]}' is not a number (invariant culture, e.g. 0.0123; leave missing values empty)");
                }

                if (double.IsInfinity(v))
                {
                    throw new DatasetSchemaException($"{source}:{row.Line}:{c + 1}: '{row.Cell(c)}' in column '{header[c]}' is infinite; values must be finite (leave missing values empty)");
                }

                values[((c - first) * capacity) + rows] = v;
            }

            rows++;
        }

        bool indexed = hasIndex ?? IsIndexName(header[0]);
        int offset = indexed ? 1 : 0;
        string[] assets = header[offset..];
        // Columns were filled at a stride of the capacity; close the gaps in place (each column moves down, never over
        // a column not yet moved), so the first rows × assets values are the column-major result.
        for (int j = 1; j < assets.Length && rows < capacity; j++)
        {
            values.AsSpan(j * capacity, rows).CopyTo(values.AsSpan(j * rows, rows));
        }

        return Build(source, assets, offset, rows, values, indexed ? new RowLabels(header[0], [.. index]) : null);
    }

    /// <summary>A column-major buffer of <paramref name="capacity"/> rows per column, re-laid at <paramref name="grown"/> rows per column.</summary>
    private static double[] GrowColumns(double[] values, int capacity, int rows, int grown, int n)
    {
        double[] next = GC.AllocateUninitializedArray<double>(checked(grown * n));
        for (int j = 0; j < n && rows > 0; j++)
        {
            values.AsSpan(j * capacity, rows).CopyTo(next.AsSpan(j * grown));
        }

        return next;
    }


    /// <summary>Reads a Parquet file (see the remarks of <see cref="ReturnsFileReader"/>).</summary>
    /// <param name="stream">A seekable stream over the file.</param>
    /// <param name="source">The file name used in messages.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="DatasetSchemaException">Not a Parquet file, unsupported columns, infinite values, unusable content.</exception>
    public static async Task<ReturnPanel> ReadParquetAsync(Stream stream, string source, CancellationToken cancellationToken = default)
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

            return Build(source, assets, 0, rows, values, index is null ? null : new RowLabels(schema[indexColumn].Name, index));
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

    /// <summary>Checks what a parse produced and wraps it, without a copy: <paramref name="values"/> holds at least rows × assets values, column-major.</summary>
    private static ReturnPanel Build(string source, string[] assets, int firstColumn, int rows, double[] values, RowLabels? index)
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

        return ReturnPanel.Undated(assets, rows, values, index);
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

    private static bool LooksLikeDate(ReadOnlySpan<char> text) =>
        !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    private static string IndexLabel(string name) => name.Length == 0 ? "index" : $"'{name}'";
}
