using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;

namespace QuantFunctions.Core.Tournaments;

/// <summary>Simulates a tournament cell, and the two baselines every scoreboard ranks the cells against.</summary>
public static class CellRunner
{
    /// <summary>The equal-weight baseline's id.</summary>
    public const string EqualWeight = "baseline_equal_weight";

    /// <summary>The benchmark baseline's id.</summary>
    public const string Benchmark = "baseline_benchmark";

    /// <summary>
    /// Walk-forward simulation of the cell's decision on its <see cref="CellSelection"/>'s windows (the cell's step, when it
    /// has one, replaces the options' step and test window), each window trading the books selected for it.
    /// </summary>
    /// <param name="panel">The universe's returns.</param>
    /// <param name="books">The books of every window (<see cref="TournamentBooks.Select"/> of the cell's selection), in window order.</param>
    /// <param name="cell">The cell.</param>
    /// <param name="spec">What every cell shares.</param>
    /// <param name="options">Windows and friction.</param>
    /// <exception cref="TournamentException">An unknown standard, profile or simulator, or books of other windows.</exception>
    public static CellOutcome Run(ReturnPanel panel, IReadOnlyList<WindowBooks> books, TournamentCell cell, CellSpec spec, WalkForwardOptions options)
    {
        ArgumentNullException.ThrowIfNull(books);
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(options);
        CellDecision.Validate(cell);
        CellSimulator.Require(cell.Simulator);
        var decisions = new List<WindowDecision>();
        BacktestResult result = CellSimulator.Run(cell.Simulator, panel, window =>
        {
            WindowBooks? book = decisions.Count < books.Count ? books[decisions.Count] : null;
            if (book is null || book.Decided != window.Dates[^1])
            {
                throw new TournamentException(Errors.ErrorCodes.TournamentCellInvalid,
                    $"Tournament cell '{cell.Id}': no books selected for the window ending {window.Dates[^1]:yyyy-MM-dd} (window {decisions.Count}; {books.Count} selected).", cell.Id);
            }

            WindowDecision decision = CellDecision.Decide(window, book, cell, spec);
            decisions.Add(decision);
            return decision.Weights;
        }, cell.Selection.Windows(options));
        return new CellOutcome(cell.Id, result, decisions);
    }

    /// <summary>Equal weight over every column, rebalanced at each window (a reference row of the scoreboard).</summary>
    public static CellOutcome RunEqualWeight(ReturnPanel panel, string simulator, WalkForwardOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        int n = panel.ColumnCount;
        return RunFixed(EqualWeight, panel, simulator, options, i => 1.0 / n, n);
    }

    /// <summary>All in the benchmark column, rebalanced at each window (a reference row of the scoreboard).</summary>
    /// <exception cref="TournamentException">The benchmark is not a column of the panel.</exception>
    public static CellOutcome RunBenchmark(ReturnPanel panel, string benchmark, string simulator, WalkForwardOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        int column = -1;
        for (int i = 0; i < panel.ColumnCount; i++)
        {
            column = panel.Columns[i] == benchmark ? i : column;
        }

        if (column < 0)
        {
            throw new TournamentException(Errors.ErrorCodes.TournamentCellInvalid, $"Tournament: benchmark '{benchmark}' is not a symbol of the universe.", benchmark);
        }

        return RunFixed(Benchmark, panel, simulator, options, i => i == column ? 1.0 : 0.0, 1);
    }

    private static CellOutcome RunFixed(string id, ReturnPanel panel, string simulator, WalkForwardOptions options, Func<int, double> weight, int winners)
    {
        var decisions = new List<WindowDecision>();
        BacktestResult result = CellSimulator.Run(simulator, panel, window =>
        {
            double[] w = new double[window.ColumnCount];
            for (int i = 0; i < w.Length; i++)
            {
                w[i] = weight(i);
            }

            decisions.Add(new WindowDecision(w, winners, true));
            return w;
        }, options);
        return new CellOutcome(id, result, decisions);
    }
}
