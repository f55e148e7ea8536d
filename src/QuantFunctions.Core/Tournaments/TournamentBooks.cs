using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;

namespace QuantFunctions.Core.Tournaments;

/// <summary>
/// The books of every walk-forward window of a <see cref="CellSelection"/>, selected once and shared by every cell that
/// trades them (the tournament's <c>tournament.select</c> node): on each window's training rows (the rows the cell's
/// allocator sees), the standard under HTR v3.4 selects the LONG book from the features known at the window's last
/// date, then the SHORT book with every long winner vetoed <c>long_book</c> — the books are disjoint by construction.
/// </summary>
public static class TournamentBooks
{
    /// <summary>
    /// Selects the books of every window of each selection (in window order), each distinct training window once: windows
    /// with the same lookback and training rows (e.g. every step's first window) share their books.
    /// </summary>
    /// <param name="panel">The universe's returns.</param>
    /// <param name="features">The feature store.</param>
    /// <param name="selections">The selections (one standard with its lookbacks and steps).</param>
    /// <param name="spec">What every cell shares (floor, lookback, annualisation).</param>
    /// <param name="options">The tournament's windows (each selection's step replaces step and test window).</param>
    /// <returns>Per selection, its books per window.</returns>
    /// <exception cref="TournamentException">An unknown standard.</exception>
    /// <exception cref="SelectionException">A missing feature column or an unstable foundation.</exception>
    public static IReadOnlyList<IReadOnlyList<WindowBooks>> Select(ReturnPanel panel, FeatureHistory features, IReadOnlyList<CellSelection> selections, CellSpec spec, WalkForwardOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(selections);
        ArgumentNullException.ThrowIfNull(spec);
        var selected = new Dictionary<(string Standard, int Lookback, int Start, int End), WindowBooks>();
        var all = new List<IReadOnlyList<WindowBooks>>(selections.Count);
        foreach (CellSelection selection in selections)
        {
            selection.Validate();
            SelectionOptions select = selection.Options(spec);
            WalkForwardSchedule schedule = WalkForwardSchedule.Build(panel.RowCount, selection.Windows(options));
            var books = new List<WindowBooks>(schedule.Windows.Count);
            foreach (WalkForwardWindow window in schedule.Windows)
            {
                var key = (selection.Standard, select.Lookback, window.TrainStartRow, window.TrainEndRow);
                if (!selected.TryGetValue(key, out WindowBooks? book))
                {
                    book = Books(panel.SliceRows(window.TrainStartRow, window.TrainEndRow - window.TrainStartRow), features, select, spec.PeriodsPerYear);
                    selected[key] = book;
                }

                books.Add(book);
            }

            all.Add(books);
        }

        return all;
    }

    /// <summary>
    /// The disjoint books of one training window (<see cref="SelectionEngine.SelectBooks"/>): LONG first, then SHORT with
    /// every long winner vetoed, so no HTR stage can put a name in both books.
    /// </summary>
    public static WindowBooks Books(ReturnPanel window, FeatureHistory features, SelectionOptions options, int periodsPerYear)
    {
        ArgumentNullException.ThrowIfNull(window);
        DateOnly asOf = window.Dates[^1];
        BookSelection books = SelectionEngine.SelectBooks(window, features, asOf, options, periodsPerYear);
        return new WindowBooks(asOf, books.Long.Winners, books.Short.Winners);
    }
}
