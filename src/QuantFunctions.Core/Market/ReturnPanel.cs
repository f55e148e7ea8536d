using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Market;

/// <summary>
/// A dates × columns matrix of returns (or any per-period value), dense and column-major:
/// the value of row <c>t</c>, column <c>j</c> is <c>Values[j * RowCount + t]</c>.
/// <see cref="double.NaN"/> is the explicit "no observation" marker; a panel never holds a
/// zero that stands for a missing value.
/// </summary>
public sealed class ReturnPanel
{
    private readonly Dictionary<string, int> _columnIndex;

    /// <summary>Creates a panel; arrays are taken as is.</summary>
    /// <param name="dates">Row dates, strictly increasing.</param>
    /// <param name="columns">Column names (symbols, atom ids, sleeve ids), unique.</param>
    /// <param name="values">Column-major values of length rows × columns; NaN = no observation.</param>
    /// <exception cref="DomainValidationException">On a shape mismatch, duplicate column or unsorted dates.</exception>
    public ReturnPanel(DateOnly[] dates, string[] columns, double[] values)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        Guard.SameLength(dates.Length * columns.Length, values.Length, "return panel", "values (rows × columns)");
        Guard.StrictlyIncreasing(dates, "return panel");
        _columnIndex = new Dictionary<string, int>(columns.Length, StringComparer.Ordinal);
        for (int j = 0; j < columns.Length; j++)
        {
            if (!_columnIndex.TryAdd(columns[j], j))
            {
                throw new DomainValidationException(ErrorCodes.DuplicateColumn, $"return panel: column '{columns[j]}' appears twice.");
            }
        }

        Dates = dates;
        Columns = columns;
        Values = values;
    }

    /// <summary>Row dates.</summary>
    public DateOnly[] Dates { get; }

    /// <summary>Column names.</summary>
    public string[] Columns { get; }

    /// <summary>Column-major values (NaN = no observation).</summary>
    public double[] Values { get; }

    /// <summary>The number of rows (dates).</summary>
    public int RowCount => Dates.Length;

    /// <summary>The number of columns.</summary>
    public int ColumnCount => Columns.Length;

    /// <summary>The value at a row and column.</summary>
    /// <param name="row">The row (date index).</param>
    /// <param name="column">The column index.</param>
    public double this[int row, int column] => Values[(column * RowCount) + row];

    /// <summary>One column as a span.</summary>
    /// <param name="column">The column index.</param>
    /// <returns>The column's values over all rows.</returns>
    public ReadOnlySpan<double> Column(int column) => Values.AsSpan(column * RowCount, RowCount);

    /// <summary>The index of a named column, or -1.</summary>
    /// <param name="name">The column name.</param>
    /// <returns>The index or -1.</returns>
    public int IndexOf(string name) => _columnIndex.TryGetValue(name, out int j) ? j : -1;

    /// <summary>Counts the observed (non-NaN) values of a column.</summary>
    /// <param name="column">The column index.</param>
    /// <returns>The number of observations.</returns>
    public int ObservationCount(int column)
    {
        int n = 0;
        foreach (double v in Column(column))
        {
            if (!double.IsNaN(v))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Copies a contiguous block of rows into a new panel with the same columns.</summary>
    /// <param name="start">The first row.</param>
    /// <param name="count">The number of rows.</param>
    /// <returns>The sub-panel.</returns>
    public ReturnPanel SliceRows(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, RowCount);
        double[] values = new double[count * ColumnCount];
        for (int j = 0; j < ColumnCount; j++)
        {
            Values.AsSpan((j * RowCount) + start, count).CopyTo(values.AsSpan(j * count, count));
        }

        return new ReturnPanel(Dates.AsSpan(start, count).ToArray(), (string[])Columns.Clone(), values);
    }

    /// <summary>Builds a panel from series on the union of their dates; a date a series lacks is NaN.</summary>
    /// <param name="series">The columns (names unique).</param>
    /// <returns>The outer-aligned panel.</returns>
    /// <remarks>Use <see cref="Calendars.CalendarJoin.Inner"/> to keep only the dates every series observed.</remarks>
    public static ReturnPanel FromSeriesOuter(IReadOnlyList<DatedSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var union = new SortedSet<DateOnly>();
        for (int j = 0; j < series.Count; j++)
        {
            union.UnionWith(series[j].Dates);
        }

        DateOnly[] dates = [.. union];
        string[] names = new string[series.Count];
        double[] values = new double[dates.Length * series.Count];
        values.AsSpan().Fill(double.NaN);
        for (int j = 0; j < series.Count; j++)
        {
            DatedSeries s = series[j];
            names[j] = s.Name;
            Span<double> column = values.AsSpan(j * dates.Length, dates.Length);
            int row = 0;
            for (int i = 0; i < s.Count; i++)
            {
                while (dates[row] != s.Dates[i])
                {
                    row++;
                }

                column[row] = s.Values[i];
            }
        }

        return new ReturnPanel(dates, names, values);
    }
}
