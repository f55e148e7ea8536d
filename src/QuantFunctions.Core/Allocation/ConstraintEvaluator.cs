namespace QuantFunctions.Core.Allocation;

/// <summary>Builds the <see cref="ConstraintReport"/> of a weight vector.</summary>
public static class ConstraintEvaluator
{
    /// <summary>Violation tolerance: weights sum to the budget within 1e-9, bounds hold within 1e-9.</summary>
    public const double DefaultTolerance = 1e-9;

    /// <summary>Evaluates every constraint of <paramref name="problem"/> at <paramref name="weights"/>.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="weights">The weights, in asset order.</param>
    /// <param name="clusterLabels">Cluster label per asset for the caps (null: the problem's default cut).</param>
    /// <param name="tolerance">The violation tolerance.</param>
    public static ConstraintReport Evaluate(AllocationProblem problem, ReadOnlySpan<double> weights, int[]? clusterLabels = null, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(problem);
        int n = problem.AssetCount;
        PortfolioConstraints c = problem.Constraints;
        var checks = new List<ConstraintCheck>(n + 8);
        bool finite = weights.Length == n;
        for (int i = 0; i < weights.Length && finite; i++)
        {
            finite = double.IsFinite(weights[i]);
        }

        checks.Add(new ConstraintCheck("finite_weights", finite ? 1 : 0, 1, 1, finite ? 0 : -1, finite));
        if (!finite)
        {
            return new ConstraintReport(checks, tolerance);
        }

        double sum = 0, gross = 0;
        for (int i = 0; i < n; i++)
        {
            checks.Add(Check("bounds:" + problem.Assets[i], weights[i], problem.Lower[i], problem.Upper[i], tolerance));
            sum += weights[i];
            gross += Math.Abs(weights[i]);
        }

        checks.Add(Check("budget", sum, c.NetExposure, c.NetExposure, tolerance));
        if (c.GrossExposure is double g)
        {
            checks.Add(Check("gross_exposure", gross, 0, g, tolerance));
        }

        if (c.Beta is { } beta)
        {
            double wb = 0;
            for (int i = 0; i < n; i++)
            {
                wb += weights[i] * beta.Betas[i];
            }

            checks.Add(Check("beta_neutrality", wb, -beta.Tolerance, beta.Tolerance, tolerance));
        }

        int[]? labels = clusterLabels ?? problem.ClusterLabels();
        if (c.ClusterCaps is { } caps && labels is not null)
        {
            var totals = new SortedDictionary<int, double>();
            for (int i = 0; i < n; i++)
            {
                totals[labels[i]] = totals.GetValueOrDefault(labels[i]) + weights[i];
            }

            foreach (KeyValuePair<int, double> kv in totals)
            {
                checks.Add(Check("cluster_cap:" + kv.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), kv.Value, double.NegativeInfinity, caps.MaxWeight, tolerance));
            }
        }

        return new ConstraintReport(checks, tolerance);
    }

    private static ConstraintCheck Check(string name, double value, double lower, double upper, double tolerance)
    {
        double slack = Math.Min(value - lower, upper - value);
        return new ConstraintCheck(name, value, lower, upper, slack, slack >= -tolerance);
    }
}
