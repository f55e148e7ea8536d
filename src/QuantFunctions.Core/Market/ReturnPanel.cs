using QuantFunctions.Core.Errors;
using System.Numerics.Tensors;

namespace QuantFunctions.Core.Market;

/// <summary>
/// The platform's one date × asset matrix: returns (or prices, atom streams, sleeve returns — any per-period
/// value) of named columns, dense and column-major: the value of row <c>t</c>, column <c>j</c> is
/// <c>Values[j * RowCount + t]</c>. <see cref="double.NaN"/> is the explicit "no observation" marker; a panel
/// never holds a zero that stands for a missing value.
/// </summary>
/// <remarks>
/// <para><b>Rows.</b> A panel is either dated — <see cref="Dates"/> strictly increasing (lake data, computed
/// returns, backtests) — or undated (<see cref="Undated"/>): its rows are periods in order without dates, e.g. a
/// user's returns file without a date column, or a fixture. An undated panel may carry <see cref="RowLabels"/>, the
/// labels its source wrote (a file's index column, as written: not parsed as dates, not checked for order), for
/// display only. Reading <see cref="Dates"/> of an undated panel throws; check <see cref="HasDates"/>. Code that
/// needs dates (calendars, backtests) takes dated panels; the allocation estimators need none.</para>
/// <para><b>Dense views.</b> Estimators that need every column observed use <see cref="CompleteRows"/> (the panel
/// itself when nothing is missing, else a copy of the complete rows — the caller counts the dropped rows as
/// <c>RowCount − CompleteRows().RowCount</c>) or <see cref="CopyCompleteRows"/> into a buffer of their own.
/// Whether any value is missing is found by one scan, on first use, and remembered.</para>
/// <para>Arrays are taken as is (not copied); do not mutate them while the panel is in use. Values are not
/// checked: consumers with rules on them (finite returns, positive prices) check on entry.</para>
/// </remarks>
public sealed class ReturnPanel
{
    private const int Scanned = 1, MissingFlag = 2, InfinityFlag = 4;

    private readonly Dictionary<string, int> _columnIndex;
    private readonly DateOnly[]? _dates;
    private readonly double[] _values;
    private int _scan;

    /// <summary>Creates a dated panel; arrays are taken as is.</summary>
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
        _columnIndex = IndexColumns(columns);
        _dates = dates;
        _values = values;
        Columns = columns;
        RowCount = dates.Length;
    }

    private ReturnPanel(DateOnly[]? dates, RowLabels? rowLabels, int rowCount, string[] columns, double[] values)
    {
        _columnIndex = IndexColumns(columns);
        _dates = dates;
        _values = values;
        Columns = columns;
        RowCount = rowCount;
        RowLabels = rowLabels;
    }

    /// <summary>Whether the rows carry dates (false for an <see cref="Undated"/> panel).</summary>
    public bool HasDates => _dates is not null;

    /// <summary>Row dates, strictly increasing.</summary>
    /// <exception cref="InvalidOperationException">The panel is undated (see <see cref="HasDates"/>).</exception>
    public DateOnly[] Dates => _dates ?? throw new InvalidOperationException("The panel is undated: its rows are periods without dates (check HasDates).");

    /// <summary>The labels the source wrote for the rows of an undated panel (display only), or null.</summary>
    public RowLabels? RowLabels { get; }

    /// <summary>Column names.</summary>
    public string[] Columns { get; }

    /// <summary>The number of rows (dates or periods).</summary>
    public int RowCount { get; }

    /// <summary>The number of columns.</summary>
    public int ColumnCount => Columns.Length;

    /// <summary>Column-major values, <see cref="RowCount"/> × <see cref="ColumnCount"/> (NaN = no observation).</summary>
    public ReadOnlySpan<double> Values => _values.AsSpan(0, RowCount * ColumnCount);

    /// <summary>Whether some value is missing (NaN); computed by one scan on first use.</summary>
    public bool HasMissing => (Scan() & MissingFlag) != 0;

    /// <summary>Whether some value is ±∞ (never valid; rejected by the consumers that check values).</summary>
    internal bool HasInfinity => (Scan() & InfinityFlag) != 0;

    /// <summary>The value at a row and column.</summary>
    /// <param name="row">The row (date index).</param>
    /// <param name="column">The column index.</param>
    public double this[int row, int column] => _values[(column * RowCount) + row];

    /// <summary>Creates an undated panel: rows are periods in order, without dates; arrays are taken as is.</summary>
    /// <param name="columns">Column names, unique.</param>
    /// <param name="rowCount">The number of rows.</param>
    /// <param name="values">
    /// Column-major values; at least <paramref name="rowCount"/> × columns long, and only that many are used (a reader
    /// may hand over its larger parse buffer rather than copy it). NaN = no observation.
    /// </param>
    /// <param name="rowLabels">The labels the source wrote for the rows (one per row), or null.</param>
    /// <returns>The panel.</returns>
    /// <exception cref="DomainValidationException">Too few values or labels, or a duplicate column.</exception>
    public static ReturnPanel Undated(string[] columns, int rowCount, double[] values, RowLabels? rowLabels = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        if ((long)rowCount * columns.Length > values.Length)
        {
            throw new DomainValidationException(
                ErrorCodes.ShapeMismatch,
                $"return panel: {rowCount} rows × {columns.Length} columns need {(long)rowCount * columns.Length} values, but {values.Length} are given.");
        }

        if (rowLabels is not null)
        {
            Guard.SameLength(rowCount, rowLabels.Labels.Count, "return panel", $"row labels '{rowLabels.Name}'");
        }

        return new ReturnPanel(null, rowLabels, rowCount, columns, values);
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

    /// <summary>One column as a span.</summary>
    /// <param name="column">The column index.</param>
    /// <returns>The column's values over all rows.</returns>
    public ReadOnlySpan<double> Column(int column) => _values.AsSpan(column * RowCount, RowCount);

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

    /// <summary>
    /// The equal-weight return of each row: the mean of the row's observed (non-NaN) values, summed in column order;
    /// NaN for a row with no observation.
    /// </summary>
    /// <param name="observed">Receives, per row, how many values were observed.</param>
    /// <returns>One mean per row.</returns>
    public double[] ObservedRowMeans(out int[] observed)
    {
        double[] sum = new double[RowCount];
        observed = new int[RowCount];
        for (int c = 0; c < ColumnCount; c++)
        {
            ReadOnlySpan<double> column = Column(c);
            for (int r = 0; r < column.Length; r++)
            {
                if (!double.IsNaN(column[r]))
                {
                    sum[r] += column[r];
                    observed[r]++;
                }
            }
        }

        for (int r = 0; r < sum.Length; r++)
        {
            sum[r] = observed[r] > 0 ? sum[r] / observed[r] : double.NaN;
        }

        return sum;
    }

    /// <summary>Copies a contiguous block of rows into a new panel with the same columns.</summary>
    /// <param name="start">The first row.</param>
    /// <param name="count">The number of rows.</param>
    /// <returns>The sub-panel (dated when this panel is; row labels kept).</returns>
    public ReturnPanel SliceRows(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, RowCount);
        double[] values = new double[count * ColumnCount];
        for (int j = 0; j < ColumnCount; j++)
        {
            _values.AsSpan((j * RowCount) + start, count).CopyTo(values.AsSpan(j * count, count));
        }

        RowLabels? labels = RowLabels is null ? null : RowLabels with { Labels = Slice(RowLabels.Labels, start, count) };
        return new ReturnPanel(_dates?.AsSpan(start, count).ToArray(), labels, count, (string[])Columns.Clone(), values);
    }

    /// <summary>
    /// The dense view for estimators that need every column observed: the rows in which no value is missing —
    /// this panel itself when none is, else a new panel of those rows (dates and row labels kept).
    /// </summary>
    /// <returns>The complete rows; <c>RowCount − CompleteRows().RowCount</c> rows were dropped.</returns>
    public ReturnPanel CompleteRows()
    {
        if (!HasMissing)
        {
            return this;
        }

        bool[] keep = new bool[RowCount];
        int rows = MarkCompleteRows(keep);
        double[] values = new double[rows * ColumnCount];
        CopyRows(keep, rows, values);
        return Subset(keep, rows, values);
    }

    /// <summary>
    /// Copies the rows in which no value is missing into <paramref name="destination"/>, column-major
    /// (rows × <see cref="ColumnCount"/>), without allocating when nothing is missing.
    /// </summary>
    /// <param name="destination">At least <see cref="RowCount"/> × <see cref="ColumnCount"/> long.</param>
    /// <returns>The number of complete rows copied.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public int CopyCompleteRows(Span<double> destination)
    {
        if (destination.Length < RowCount * ColumnCount)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values; {RowCount} rows × {ColumnCount} columns need {RowCount * ColumnCount}.", nameof(destination));
        }

        if (!HasMissing)
        {
            Values.CopyTo(destination);
            return RowCount;
        }

        bool[] keep = new bool[RowCount];
        int rows = MarkCompleteRows(keep);
        CopyRows(keep, rows, destination);
        return rows;
    }

    /// <summary>
    /// A panel over <paramref name="values"/> with rows of this panel picked by <paramref name="keep"/> (their dates and
    /// labels); the values are the caller's, column-major, at least <paramref name="rows"/> × columns long.
    /// </summary>
    internal ReturnPanel Subset(ReadOnlySpan<bool> keep, int rows, double[] values)
    {
        DateOnly[]? dates = null;
        if (_dates is not null)
        {
            dates = new DateOnly[rows];
            Pick(_dates, keep, dates);
        }

        RowLabels? labels = null;
        if (RowLabels is not null)
        {
            string[] picked = new string[rows];
            for (int t = 0, k = 0; t < RowCount; t++)
            {
                if (keep[t])
                {
                    picked[k++] = RowLabels.Labels[t];
                }
            }

            labels = RowLabels with { Labels = picked };
        }

        return new ReturnPanel(dates, labels, rows, (string[])Columns.Clone(), values);
    }

    private int MarkCompleteRows(Span<bool> keep)
    {
        keep.Fill(true);
        for (int j = 0; j < ColumnCount; j++)
        {
            ReadOnlySpan<double> column = Column(j);
            for (int t = 0; t < column.Length; t++)
            {
                keep[t] &= !double.IsNaN(column[t]);
            }
        }

        int rows = 0;
        foreach (bool k in keep)
        {
            rows += k ? 1 : 0;
        }

        return rows;
    }

    private void CopyRows(ReadOnlySpan<bool> keep, int rows, Span<double> destination)
    {
        for (int j = 0; j < ColumnCount; j++)
        {
            Pick(Column(j), keep, destination.Slice(j * rows, rows));
        }
    }

    /// <summary>Copies the items of <paramref name="source"/> whose <paramref name="keep"/> flag is set, in order, into <paramref name="target"/>.</summary>
    private static void Pick<T>(ReadOnlySpan<T> source, ReadOnlySpan<bool> keep, Span<T> target)
    {
        for (int t = 0, k = 0; t < source.Length; t++)
        {
            if (keep[t])
            {
                target[k++] = source[t];
            }
        }
    }

    private int Scan()
    {
        int state = _scan;
        if (state != 0)
        {
            return state;
        }

        state = Scanned;
        ReadOnlySpan<double> values = Values;
        if (!TensorPrimitives.IsFiniteAll(values))
        {
            foreach (double v in values)
            {
                state |= double.IsNaN(v) ? MissingFlag : double.IsInfinity(v) ? InfinityFlag : 0;
            }
        }

        _scan = state;
        return state;
    }

    private static string[] Slice(IReadOnlyList<string> labels, int start, int count)
    {
        string[] slice = new string[count];
        for (int i = 0; i < count; i++)
        {
            slice[i] = labels[start + i];
        }

        return slice;
    }

    private static Dictionary<string, int> IndexColumns(string[] columns)
    {
        var index = new Dictionary<string, int>(columns.Length, StringComparer.Ordinal);
        for (int j = 0; j < columns.Length; j++)
        {
            if (!index.TryAdd(columns[j], j))
            {
                throw new DomainValidationException(ErrorCodes.DuplicateColumn, $"return panel: column '{columns[j]}' appears twice.");
            }
        }

        return index;
    }
}
