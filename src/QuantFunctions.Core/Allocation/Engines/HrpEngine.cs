using QuantFunctions.Core.Clustering;

namespace QuantFunctions.Core.Allocation.Engines;

/// <summary>
/// Hierarchical risk parity (López de Prado 2016, "Building diversified portfolios that
/// outperform out of sample", J. Portfolio Management 42(4)): cluster on the correlation distance
/// √((1 − ρ)/2), order the assets by the dendrogram's leaf order, then bisect that list
/// recursively, splitting each parent's weight in inverse proportion to the two halves'
/// inverse-variance cluster variances: α = 1 − V_left/(V_left + V_right).
/// </summary>
/// <remarks>
/// Conventions follow PyPortfolioOpt's <c>HRPOpt</c> (halves of len//2, distance fed to the linkage
/// directly). Cluster caps and per-asset maximum weights are enforced inside the recursion: each
/// split is clamped so that neither half receives more than it can hold given the remaining
/// budgets of the clusters it contains (see <see cref="HrpBisection"/>), so the caps hold exactly
/// instead of being violated and repaired afterwards.
/// </remarks>
public sealed class HrpEngine : AllocationEngine
{
    /// <summary>The registry name.</summary>
    public const string EngineName = "hrp";

    /// <summary>Creates the engine.</summary>
    /// <param name="linkage">The linkage of the clustering.</param>
    public HrpEngine(LinkageMethod linkage = LinkageMethod.Single)
    {
        Linkage = linkage;
    }

    /// <summary>The linkage.</summary>
    public LinkageMethod Linkage { get; }

    /// <inheritdoc/>
    public override string Name => EngineName;

    internal override EngineSolution Solve(AllocationProblem problem)
    {
        int n = problem.AssetCount;
        if (problem.Constraints.NetExposure <= 0)
        {
            return EngineSolution.Fail("HRP needs a positive net exposure (budget)");
        }

        int[] order = problem.Dendrogram(Linkage).LeafOrder();
        int[]? capLabels = problem.ClusterLabels(Linkage);
        double[] budget;
        int[] labels;
        if (capLabels is not null)
        {
            labels = capLabels;
            int count = 0;
            foreach (int l in labels)
            {
                count = Math.Max(count, l + 1);
            }

            budget = new double[count];
            Array.Fill(budget, problem.Constraints.ClusterCaps!.MaxWeight);
        }
        else
        {
            labels = new int[n];
            budget = new double[n];
            for (int i = 0; i < n; i++)
            {
                labels[i] = i;
                budget[i] = double.PositiveInfinity;
            }
        }

        double[] w = HrpBisection.Allocate(problem.Covariance, order, labels, budget, problem.Upper, problem.Constraints.NetExposure);
        var d = new Dictionary<string, double>(StringComparer.Ordinal) { ["clusters_capped"] = capLabels is null ? 0 : budget.Length };
        return EngineSolution.Ok(w, d, capLabels);
    }
}
