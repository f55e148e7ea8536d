using System.Numerics.Tensors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Backtesting;

/// <summary>
/// T1 vectorised simulator, for fast iteration: every day of a decision's test window holds exactly its target
/// weights (no drift, as if rebalanced for free each day), and the cost is charged on the turnover between
/// consecutive targets.
/// </summary>
/// <remarks>
/// Per stream day <c>t</c> held by target <c>w</c>: gross <c>Rₜ = Σ wᵢ rᵢ,ₜ</c> (a NaN return counts 0 and is counted
/// in <see cref="BacktestResult.UnobservedHeldReturns"/>); on a day the target changes, turnover
/// <c>τ = Σ|wᵢ − w′ᵢ|</c> against the previous target <c>w′</c> (zero at the start) and cost
/// <c>c = τ·(slippage + commission)/10⁴</c>; net <c>= Rₜ − c</c> (additive, the vectorised convention; no borrow, no
/// threshold). Computed column by column over each window with <see cref="TensorPrimitives"/>.
/// </remarks>
public sealed class VectorisedSimulator : ISimulator
{
    /// <inheritdoc/>
    public SimulatorId Id => SimulatorId.T1;

    /// <inheritdoc/>
    public BacktestResult Simulate(WalkForwardPlan plan, PriceBook? prices)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var record = new StreamRecord(plan);
        int rows = plan.Panel.RowCount, cols = record.Columns, days = record.Days, first = plan.Schedule.FirstRow;
        double rate = plan.Options.CostRate;
        ReadOnlySpan<double> all = plan.Panel.Values;
        bool missing = plan.Panel.HasMissing;
        double[] previous = new double[cols];
        double[] zero = new double[cols];
        int start = 0;
        while (start < days)
        {
            int end = start + 1;
            while (end < days && !plan.Schedule.IsRebalance(end))
            {
                end++;
            }

            double[] w = record.TargetOf(start) ?? zero;
            if (plan.Schedule.IsRebalance(start))
            {
                double tau = L1(w, previous);
                record.Turnover[start] = tau;
                record.Costs[start] = tau * rate;
                if (!ReferenceEquals(w, zero))
                {
                    record.AddRebalance(start, w, (double[])previous.Clone(), tau, tau * rate);
                }

                w.AsSpan().CopyTo(previous);
            }

            Span<double> gross = record.Gross.AsSpan(start, end - start);
            for (int i = 0; i < cols; i++)
            {
                record.Weights.AsSpan((i * days) + start, end - start).Fill(w[i]);
                if (w[i] == 0)
                {
                    continue;
                }

                ReadOnlySpan<double> r = all.Slice((i * rows) + first + start, end - start);
                if (missing)
                {
                    record.Unobserved[i] += AddObserved(gross, r, w[i]);
                }
                else
                {
                    TensorPrimitives.MultiplyAdd(r, w[i], gross, gross);
                }
            }

            start = end;
        }

        TensorPrimitives.Subtract(record.Gross, record.Costs, record.Net);
        double value = 1.0;
        for (int d = 0; d < days; d++)
        {
            double growth = 1 + record.Net[d];
            record.CheckGrowth(d, growth, record.Gross[d], record.Costs[d]);
            value *= growth;
            record.Equity[d] = value;
        }

        return record.ToResult(Id);
    }

    private static double L1(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }

        return sum;
    }

    private static int AddObserved(Span<double> gross, ReadOnlySpan<double> returns, double weight)
    {
        int unobserved = 0;
        for (int d = 0; d < gross.Length; d++)
        {
            double r = returns[d];
            if (double.IsNaN(r))
            {
                unobserved++;
                continue;
            }

            gross[d] += weight * r;
        }

        return unobserved;
    }
}
