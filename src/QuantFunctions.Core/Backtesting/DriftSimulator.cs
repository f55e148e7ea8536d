using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Backtesting;

/// <summary>
/// T2 drift simulator (the default tier): the book is traded to the decision's target only on rebalance days and
/// its weights drift with returns in between; friction on turnover, borrow on shorts, the <c>partial_rebalance</c>
/// threshold.
/// </summary>
/// <remarks>
/// Per stream day <c>t</c> with start-of-day weights <c>w</c> (cash <c>1 − Σw</c> earns 0): on a rebalance day the
/// drifted weights <c>w̃</c> (zero at the start) are replaced by the target <c>w*</c> (a column whose change is below
/// the threshold keeps <c>w̃ᵢ</c>); turnover <c>τ = Σ|wᵢ − w̃ᵢ|</c>, cost <c>c = τ·(slippage + commission)/10⁴</c> paid
/// before the day's return. Borrow <c>b = Σ max(−wᵢ, 0)·BorrowBps/10⁴/PeriodsPerYear</c>. Gross
/// <c>Rₜ = Σ wᵢ rᵢ,ₜ</c>; net <c>= (1 − c)(1 + Rₜ − b) − 1</c>; then <c>wᵢ ← wᵢ(1 + rᵢ,ₜ)/(1 + Rₜ − b)</c>. A NaN
/// return means the column did not trade that day: its value is unchanged and the day is counted in
/// <see cref="BacktestResult.UnobservedHeldReturns"/>.
/// </remarks>
public sealed class DriftSimulator : ISimulator
{
    /// <inheritdoc/>
    public SimulatorId Id => SimulatorId.T2;

    /// <inheritdoc/>
    public BacktestResult Simulate(WalkForwardPlan plan, PriceBook? prices)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var record = new StreamRecord(plan);
        int rows = plan.Panel.RowCount, cols = record.Columns, days = record.Days, first = plan.Schedule.FirstRow;
        double rate = plan.Options.CostRate, borrowRate = plan.Options.BorrowRatePerPeriod;
        ReadOnlySpan<double> all = plan.Panel.Values;
        double[] w = new double[cols];
        double value = 1.0;
        for (int d = 0; d < days; d++)
        {
            int t = first + d;
            double c = 0, tau = 0;
            if (plan.Schedule.IsRebalance(d))
            {
                double[]? target = record.TargetOf(d);
                double[] next = record.Traded(target, w);
                for (int i = 0; i < cols; i++)
                {
                    tau += Math.Abs(next[i] - w[i]);
                }

                c = tau * rate;
                if (target is not null)
                {
                    record.AddRebalance(d, target, (double[])w.Clone(), tau, c);
                }

                next.AsSpan().CopyTo(w);
            }

            double r = 0, shorts = 0;
            for (int i = 0; i < cols; i++)
            {
                record.Weights[(i * days) + d] = w[i];
                shorts += w[i] < 0 ? -w[i] : 0;
                double ri = all[(i * rows) + t];
                if (double.IsNaN(ri))
                {
                    record.Unobserved[i] += w[i] != 0 ? 1 : 0;
                    continue;
                }

                r += w[i] * ri;
            }

            double b = shorts * borrowRate;
            double growth = (1 - c) * (1 + r - b);
            record.CheckGrowth(d, growth, r, c);
            value *= growth;
            record.Gross[d] = r;
            record.Net[d] = growth - 1;
            record.Equity[d] = value;
            record.Turnover[d] = tau;
            record.Costs[d] = c + ((1 - c) * b);
            for (int i = 0; i < cols; i++)
            {
                double ri = all[(i * rows) + t];
                w[i] = double.IsNaN(ri) ? w[i] / (1 + r - b) : w[i] * (1 + ri) / (1 + r - b);
            }
        }

        return record.ToResult(Id);
    }
}
