using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Backtesting;

/// <summary>The arrays every simulator fills, one entry per stream day, and the result they make.</summary>
internal sealed class StreamRecord
{
    public StreamRecord(WalkForwardPlan plan)
    {
        Plan = plan;
        Days = plan.Schedule.DayCount;
        Columns = plan.Panel.ColumnCount;
        Dates = plan.Panel.Dates.AsSpan(plan.Schedule.FirstRow).ToArray();
        Gross = new double[Days];
        Net = new double[Days];
        Equity = new double[Days];
        Turnover = new double[Days];
        Costs = new double[Days];
        Weights = new double[Days * Columns];
        Unobserved = new int[Columns];
    }

    public WalkForwardPlan Plan { get; }

    public int Days { get; }

    public int Columns { get; }

    public DateOnly[] Dates { get; }

    public double[] Gross { get; }

    public double[] Net { get; }

    public double[] Equity { get; }

    public double[] Turnover { get; }

    public double[] Costs { get; }

    public double[] Weights { get; }

    public int[] Unobserved { get; }

    public List<RebalanceRecord> Rebalances { get; } = [];

    public int SkippedTrades { get; set; }

    /// <summary>The target of a stream day's decision, or null for cash.</summary>
    public double[]? TargetOf(int day)
    {
        int k = Plan.Schedule.ActiveDecisions[day];
        return k >= 0 ? Plan.Targets[k] : null;
    }

    /// <summary>Records a decision's rebalance (nothing for a move to cash).</summary>
    public void AddRebalance(int day, double[] target, double[] drifted, double turnover, double cost)
    {
        int k = Plan.Schedule.ActiveDecisions[day];
        if (k < 0)
        {
            return;
        }

        WalkForwardWindow w = Plan.Schedule.Windows[k];
        Rebalances.Add(new RebalanceRecord(Dates[day], w.DecisionRow, w.TrainStartRow, w.TrainEndRow, (double[])target.Clone(), drifted, turnover, cost));
    }

    /// <summary>Throws when a day's growth factor is not positive (the portfolio is wiped out).</summary>
    public void CheckGrowth(int day, double growth, double gross, double cost)
    {
        if (!(growth > 0))
        {
            throw new DomainValidationException(ErrorCodes.InvalidInput, $"Walk-forward: the portfolio is wiped out on {Dates[day]:yyyy-MM-dd} (gross return {gross}, cost {cost}).");
        }
    }

    public BacktestResult ToResult(SimulatorId simulator, IReadOnlyList<RejectedOrder>? rejections = null) =>
        new(Plan.Panel.Columns, Dates, Gross, Net, Equity, Turnover, Costs, Weights, Rebalances, Unobserved)
        {
            Simulator = simulator,
            CashDays = Plan.Schedule.CashDays,
            SkippedTrades = SkippedTrades,
            Rejections = rejections ?? [],
        };

    /// <summary>The post-trade weights of a rebalance with the <c>partial_rebalance</c> threshold: a column whose change is below it keeps its drifted weight (a move to cash trades everything).</summary>
    public double[] Traded(double[]? target, ReadOnlySpan<double> drifted)
    {
        double threshold = Plan.Options.PartialRebalance;
        double[] next = new double[Columns];
        for (int i = 0; i < Columns; i++)
        {
            double want = target is null ? 0 : target[i];
            bool skip = target is not null && want != drifted[i] && Math.Abs(want - drifted[i]) < threshold;
            SkippedTrades += skip ? 1 : 0;
            next[i] = skip ? drifted[i] : want;
        }

        return next;
    }
}
