using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Selection;

/// <summary>
/// Point-in-time feature rows per symbol, as read from the silver feature store (long format: rows ordered by symbol,
/// then date). Selection reads a symbol's value "as of" a date: the last row dated on or before it, so a later row can
/// never reach a decision.
/// </summary>
public sealed class FeatureHistory
{
    private readonly DateOnly[] _dates;
    private readonly Dictionary<string, double[]> _columns;
    private readonly Dictionary<string, (int Start, int Count)> _symbols;

    /// <summary>Creates the history from long-format rows.</summary>
    /// <param name="symbols">The symbol of each row; rows of one symbol are contiguous.</param>
    /// <param name="dates">The bar date of each row, ascending within a symbol.</param>
    /// <param name="columns">Feature name → one value per row (NaN = warm-up).</param>
    /// <exception cref="ArgumentException">Lengths differ, a symbol's rows are not contiguous, or its dates do not ascend.</exception>
    public FeatureHistory(IReadOnlyList<string> symbols, DateOnly[] dates, IReadOnlyDictionary<string, double[]> columns)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(columns);
        if (symbols.Count != dates.Length)
        {
            throw new ArgumentException($"{symbols.Count} symbols but {dates.Length} dates.", nameof(dates));
        }

        _dates = dates;
        _columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, double[]> kv in columns)
        {
            if (kv.Value.Length != dates.Length)
            {
                throw new ArgumentException($"Feature '{kv.Key}' has {kv.Value.Length} values for {dates.Length} rows.", nameof(columns));
            }

            _columns[kv.Key] = kv.Value;
        }

        _symbols = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (int i = 0; i < symbols.Count;)
        {
            int j = i + 1;
            while (j < symbols.Count && string.Equals(symbols[j], symbols[i], StringComparison.Ordinal))
            {
                if (dates[j] <= dates[j - 1])
                {
                    throw new ArgumentException($"Feature rows of '{symbols[i]}' are not in ascending date order at row {j}.", nameof(dates));
                }

                j++;
            }

            if (!_symbols.TryAdd(symbols[i], (i, j - i)))
            {
                throw new ArgumentException($"Feature rows of '{symbols[i]}' are not contiguous (again at row {i}).", nameof(symbols));
            }

            i = j;
        }
    }

    /// <summary>An empty history with the given columns (every symbol has no rows).</summary>
    public static FeatureHistory Empty(IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var map = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (string c in columns)
        {
            map[c] = [];
        }

        return new FeatureHistory([], [], map);
    }

    /// <summary>Whether the store has the column.</summary>
    public bool HasColumn(string column) => _columns.ContainsKey(column);

    /// <summary>Throws naming the first of <paramref name="columns"/> the store lacks.</summary>
    /// <exception cref="SelectionException"><see cref="ErrorCodes.MissingFeature"/>, naming the column and the standard.</exception>
    public void Require(IReadOnlyList<string> columns, string standard)
    {
        ArgumentNullException.ThrowIfNull(columns);
        foreach (string c in columns)
        {
            if (!_columns.ContainsKey(c))
            {
                throw new SelectionException(
                    ErrorCodes.MissingFeature,
                    $"Selection {standard}: the feature store has no column '{c}' (it has: {string.Join(", ", _columns.Keys.Order(StringComparer.Ordinal))}).");
            }
        }
    }

    /// <summary>The rows of <paramref name="symbol"/> dated on or before <paramref name="asOf"/>: (first row, count); count 0 when none.</summary>
    public (int Start, int Count) RowsAsOf(string symbol, DateOnly asOf)
    {
        if (!_symbols.TryGetValue(symbol, out (int Start, int Count) range))
        {
            return (0, 0);
        }

        int lo = range.Start, hi = range.Start + range.Count;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (_dates[mid] <= asOf)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return (range.Start, lo - range.Start);
    }

    /// <summary>The symbol's value of <paramref name="column"/> as of <paramref name="asOf"/>; NaN when it has no row by then.</summary>
    public double Latest(string symbol, string column, DateOnly asOf)
    {
        (int start, int count) = RowsAsOf(symbol, asOf);
        return count == 0 ? double.NaN : _columns[column][start + count - 1];
    }

    /// <summary>The column values of the symbol's rows from <paramref name="start"/> (see <see cref="RowsAsOf"/>).</summary>
    public ReadOnlySpan<double> Values(string column, int start, int count) => _columns[column].AsSpan(start, count);

    /// <summary>The dates of rows from <paramref name="start"/>.</summary>
    public ReadOnlySpan<DateOnly> Dates(int start, int count) => _dates.AsSpan(start, count);
}
