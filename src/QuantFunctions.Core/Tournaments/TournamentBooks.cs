using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;
using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Tournaments;

/// <summary>
/// The books of every walk-forward window of a <see cref="CellSelection"/>, selected once and shared by every cell that
/// trades them (the tournament's <c>tournament.select</c> node): on each window's training rows (the rows the cell's
/// allocator sees), the standard under HTR v3.4 selects the LONG book from the features known at the window's last
/// date, then the SHORT book from the candidates not selected LONG — the books are disjoint by construction.
/// </summary>
public static class TournamentBooks
{
    /// <summary>Selects the books of every window, in window order.</summary>
    /// <exception cref="TournamentException">An unknown standard.</exception>
    /// <exception cref="SelectionException">A missing feature column or an unstable foundation.</exception>
    public static IReadOnlyList<WindowBooks> Select(ReturnPanel panel, FeatureHistory features, CellSelection selection, CellSpec spec, WalkForwardOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(selection);
        selection.Validate();
        SelectionOptions select = selection.Options(spec);
        WalkForwardSchedule schedule = WalkForwardSchedule.Build(panel.RowCount, selection.Windows(options));
        var books = new List<WindowBooks>(schedule.Windows.Count);
        foreach (WalkForwardWindow window in schedule.Windows)
        {
            books.Add(Books(panel.SliceRows(window.TrainStartRow, window.TrainEndRow - window.TrainStartRow), features, select, spec.PeriodsPerYear));
        }

        return books;
    }

    /// <summary>The disjoint books of one training window: LONG first, then SHORT from the names not selected LONG.</summary>
    public static WindowBooks Books(ReturnPanel window, FeatureHistory features, SelectionOptions options, int periodsPerYear)
    {
        ArgumentNullException.ThrowIfNull(window);
        DateOnly asOf = window.Dates[^1];
        IReadOnlyList<string> longBook = SelectionEngine.Select(window, features, asOf, options, Direction.Long, periodsPerYear).Winners;
        ReturnPanel shortCandidates = Without(window, longBook);
        IReadOnlyList<string> shortBook = shortCandidates.ColumnCount == 0
            ? []
            : SelectionEngine.Select(shortCandidates, features, asOf, options, Direction.Short, periodsPerYear).Winners;
        return new WindowBooks(asOf, longBook, shortBook);
    }

    /// <summary>The panel without the columns named in <paramref name="excluded"/> (this panel when none is).</summary>
    private static ReturnPanel Without(ReturnPanel panel, IReadOnlyList<string> excluded)
    {
        if (excluded.Count == 0)
        {
            return panel;
        }

        var drop = new HashSet<string>(excluded, StringComparer.Ordinal);
        var columns = new List<string>(panel.ColumnCount);
        for (int j = 0; j < panel.ColumnCount; j++)
        {
            if (!drop.Contains(panel.Columns[j]))
            {
                columns.Add(panel.Columns[j]);
            }
        }

        int rows = panel.RowCount;
        double[] values = new double[rows * columns.Count];
        for (int k = 0; k < columns.Count; k++)
        {
            panel.Column(panel.IndexOf(columns[k])).CopyTo(values.AsSpan(k * rows, rows));
        }

        return new ReturnPanel(panel.Dates, [.. columns], values);
    }
}
