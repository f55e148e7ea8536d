using QuantFunctions.Core.Backtesting;

namespace QuantFunctions.Core.Tournaments;

/// <summary>
/// What the scoreboard needs of one simulated cell or baseline: its daily net and gross returns and turnover, the
/// window of every day, and per window the names selected and the directional integrity.
/// </summary>
/// <param name="Id">The cell id, or a baseline id.</param>
/// <param name="IsBaseline">True for a reference row.</param>
/// <param name="Net">Daily returns after friction.</param>
/// <param name="Gross">Daily returns before friction.</param>
/// <param name="Turnover">Daily turnover (non-zero on rebalance days).</param>
/// <param name="Window">The window (0-based rebalance) of each day.</param>
/// <param name="Winners">Names selected, per window.</param>
/// <param name="Integrity">Directional integrity, per window.</param>
public sealed record CellSeries(string Id, bool IsBaseline, double[] Net, double[] Gross, double[] Turnover, int[] Window, int[] Winners, bool[] Integrity)
{
    /// <summary>The series of a simulated cell.</summary>
    public static CellSeries From(CellOutcome outcome, bool isBaseline)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        BacktestResult b = outcome.Backtest;
        int[] window = WindowOfDay(b);
        int[] winners = new int[outcome.Decisions.Count];
        bool[] integrity = new bool[outcome.Decisions.Count];
        for (int k = 0; k < winners.Length; k++)
        {
            winners[k] = outcome.Decisions[k].Winners;
            integrity[k] = outcome.Decisions[k].DirectionalIntegrity;
        }

        return new CellSeries(outcome.CellId, isBaseline, b.NetReturns, b.GrossReturns, b.Turnover, window, winners, integrity);
    }

    /// <summary>The rebalance each out-of-sample day belongs to (days before the next rebalance's first day).</summary>
    public static int[] WindowOfDay(BacktestResult backtest)
    {
        ArgumentNullException.ThrowIfNull(backtest);
        int[] window = new int[backtest.Dates.Length];
        int origin = backtest.Rebalances.Count > 0 ? backtest.Rebalances[0].TrainStartRow : 0;
        int k = 0;
        for (int d = 0; d < window.Length; d++)
        {
            while (k + 1 < backtest.Rebalances.Count && backtest.Rebalances[k + 1].TrainStartRow - origin <= d)
            {
                k++;
            }

            window[d] = k;
        }

        return window;
    }
}
