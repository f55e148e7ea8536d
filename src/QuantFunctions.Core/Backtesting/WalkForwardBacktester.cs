using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Backtesting;

/// <summary>
/// Walk-forward backtest: at each decision row the caller's allocator sees only its training window (rows strictly
/// before the decision, minus the purge/embargo gap), and a simulator (<see cref="ISimulator"/>: T1, T2 or T3) holds
/// the decisions over their test windows. <see cref="Plan"/> makes every decision first; the simulation then runs
/// over the fixed plan, so no simulator can leak a later row into an earlier decision.
/// </summary>
/// <remarks>Windows and how overlapping test windows combine: <see cref="WalkForwardSchedule"/>. Accounting: each
/// simulator's remarks and docs/simulators.md.</remarks>
public static class WalkForwardBacktester
{
    /// <summary>Runs the backtest with the T2 drift simulator.</summary>
    /// <param name="panel">Stream returns (rows = dates, columns = streams).</param>
    /// <param name="allocator">The caller's allocation engine.</param>
    /// <param name="options">Windows and friction.</param>
    /// <returns>The daily record.</returns>
    /// <exception cref="DomainValidationException">Invalid options, too few rows, bad weights, or a wipe-out (equity ≤ 0).</exception>
    public static BacktestResult Run(ReturnPanel panel, WindowAllocator allocator, WalkForwardOptions options) =>
        Run(panel, allocator, options, new DriftSimulator(), prices: null);

    /// <summary>Runs the backtest with a chosen simulator.</summary>
    /// <param name="panel">Stream returns (rows = dates, columns = streams).</param>
    /// <param name="allocator">The caller's allocation engine.</param>
    /// <param name="options">Windows and friction.</param>
    /// <param name="simulator">The simulator tier.</param>
    /// <param name="prices">Open and close prices aligned with <paramref name="panel"/> (T3; null = <see cref="PriceBook.FromReturns"/>).</param>
    /// <returns>The daily record.</returns>
    /// <exception cref="DomainValidationException">Invalid options, too few rows, bad weights, missing prices, or a wipe-out.</exception>
    public static BacktestResult Run(ReturnPanel panel, WindowAllocator allocator, WalkForwardOptions options, ISimulator simulator, PriceBook? prices)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        return simulator.Simulate(Plan(panel, allocator, options), prices);
    }

    /// <summary>Makes every decision of the walk-forward: the allocator is called once per window, in row order, with a copy of its training rows only.</summary>
    /// <param name="panel">Stream returns (a dated panel).</param>
    /// <param name="allocator">The caller's allocation engine.</param>
    /// <param name="options">Windows and friction.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="DomainValidationException">Invalid options, too few rows, or weights of the wrong length or not finite (<see cref="ErrorCodes.InvalidWeights"/>).</exception>
    public static WalkForwardPlan Plan(ReturnPanel panel, WindowAllocator allocator, WalkForwardOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(allocator);
        ArgumentNullException.ThrowIfNull(options);
        var schedule = WalkForwardSchedule.Build(panel.RowCount, options);
        var targets = new double[schedule.Windows.Count][];
        foreach (WalkForwardWindow window in schedule.Windows)
        {
            double[] target = allocator(panel.SliceRows(window.TrainStartRow, window.TrainEndRow - window.TrainStartRow));
            CheckWeights(target, panel.ColumnCount, panel.Dates[window.DecisionRow]);
            targets[window.Index] = (double[])target.Clone();
        }

        return new WalkForwardPlan(panel, options, schedule, targets);
    }

    private static void CheckWeights(double[]? weights, int columns, DateOnly date)
    {
        if (weights is null || weights.Length != columns)
        {
            throw new DomainValidationException(
                ErrorCodes.InvalidWeights, $"Walk-forward: the allocator returned {weights?.Length ?? 0} weights for {columns} columns at the rebalance of {date:yyyy-MM-dd}.");
        }

        Guard.AllFinite(weights, $"allocator weights at the rebalance of {date:yyyy-MM-dd}");
    }
}
