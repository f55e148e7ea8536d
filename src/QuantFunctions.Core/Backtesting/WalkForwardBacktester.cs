using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Backtesting;

/// <summary>
/// Walk-forward backtest with friction: at each test-window start the caller's allocator sees only
/// the preceding training rows, the book is rebalanced to its weights, and the weights drift with
/// returns until the next rebalance.
/// </summary>
/// <remarks>
/// <para>Windows: rebalance rows <c>sₖ = Train + k·Step</c>; window <c>k</c> trains on rows
/// <c>[sₖ − Train, sₖ)</c> and is tested on rows <c>[sₖ, min(sₖ + Test, T))</c> (the last window may be
/// shorter). No look-ahead: the allocator receives a copy of the training rows only.</para>
/// <para>Accounting, per test date <c>t</c> with start-of-day weights <c>w</c> (cash <c>1 − Σw</c> earns 0):
/// gross <c>Rₜ = Σ wᵢ rᵢ,ₜ</c>; after the day <c>wᵢ ← wᵢ(1 + rᵢ,ₜ)/(1 + Rₜ)</c> (drift). On a rebalance
/// date the drifted weights <c>w̃</c> (zero at the start) are replaced by the target <c>w*</c>; turnover
/// <c>τ = Σ|w*ᵢ − w̃ᵢ|</c>, cost <c>c = τ·(slippage + commission)/10⁴</c> is paid before the day's return:
/// net <c>= (1 − c)(1 + Rₜ) − 1</c>. A NaN return means the stream did not trade that day (e.g. an
/// equity on a weekend row): its value is unchanged and the day is counted in
/// <see cref="BacktestResult.UnobservedHeldReturns"/>.</para>
/// </remarks>
public static class WalkForwardBacktester
{
    /// <summary>Runs the backtest.</summary>
    /// <param name="panel">Stream returns (rows = dates, columns = streams).</param>
    /// <param name="allocator">The caller's allocation engine.</param>
    /// <param name="options">Windows and friction.</param>
    /// <returns>The daily record.</returns>
    /// <exception cref="DomainValidationException">Invalid options, too few rows, bad weights, or a wipe-out (equity ≤ 0).</exception>
    public static BacktestResult Run(ReturnPanel panel, WindowAllocator allocator, WalkForwardOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(allocator);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int rows = panel.RowCount, cols = panel.ColumnCount;
        if (rows <= options.TrainDays)
        {
            throw new DomainValidationException(
                ErrorCodes.InsufficientData, $"Walk-forward: the panel has {rows} rows; at least TrainDays + 1 = {options.TrainDays + 1} are needed.");
        }

        int days = rows - options.TrainDays;
        var dates = new DateOnly[days];
        double[] gross = new double[days], net = new double[days], equity = new double[days], turnover = new double[days], costs = new double[days];
        double[] weightsHistory = new double[days * cols];
        int[] unobserved = new int[cols];
        double[] w = new double[cols];
        var rebalances = new List<RebalanceRecord>();
        double value = 1.0;
        ReadOnlySpan<double> all = panel.Values;
        for (int s = options.TrainDays; s < rows; s += options.StepDays)
        {
            double[] target = allocator(panel.SliceRows(s - options.TrainDays, options.TrainDays));
            CheckWeights(target, cols, panel.Dates[s]);
            double tau = 0;
            for (int i = 0; i < cols; i++)
            {
                tau += Math.Abs(target[i] - w[i]);
            }

            double cost = tau * options.CostRate;
            rebalances.Add(new RebalanceRecord(panel.Dates[s], s, s - options.TrainDays, s, (double[])target.Clone(), (double[])w.Clone(), tau, cost));
            target.AsSpan().CopyTo(w);
            int end = Math.Min(s + options.TestDays, rows);
            for (int t = s; t < end; t++)
            {
                int d = t - options.TrainDays;
                double r = 0;
                for (int i = 0; i < cols; i++)
                {
                    weightsHistory[(i * days) + d] = w[i];
                    double ri = all[(i * rows) + t];
                    if (double.IsNaN(ri))
                    {
                        unobserved[i] += w[i] != 0 ? 1 : 0;
                        continue;
                    }

                    r += w[i] * ri;
                }

                double c = t == s ? cost : 0;
                double growth = (1 - c) * (1 + r);
                if (!(growth > 0))
                {
                    throw new DomainValidationException(ErrorCodes.InvalidInput, $"Walk-forward: the portfolio is wiped out on {panel.Dates[t]:yyyy-MM-dd} (gross return {r}, cost {c}).");
                }

                value *= growth;
                dates[d] = panel.Dates[t];
                gross[d] = r;
                net[d] = growth - 1;
                equity[d] = value;
                turnover[d] = t == s ? tau : 0;
                costs[d] = c;
                for (int i = 0; i < cols; i++)
                {
                    double ri = all[(i * rows) + t];
                    w[i] = double.IsNaN(ri) ? w[i] / (1 + r) : w[i] * (1 + ri) / (1 + r);
                }
            }
        }

        return new BacktestResult(panel.Columns, dates, gross, net, equity, turnover, costs, weightsHistory, rebalances, unobserved);
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
