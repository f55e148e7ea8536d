using System.Globalization;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Allocation;

/// <summary>Checks constraints against a universe before any solve.</summary>
internal static class ConstraintValidation
{
    public static void Validate(PortfolioConstraints c, IReadOnlyList<string> assets)
    {
        int n = assets.Count;
        if (c.MinWeights is not null)
        {
            AllocationProblem.CheckVector(c.MinWeights, n, "min_weights", assets);
        }

        if (c.MaxWeights is not null)
        {
            AllocationProblem.CheckVector(c.MaxWeights, n, "max_weights", assets);
        }

        if (!double.IsFinite(c.MinWeight) || !double.IsFinite(c.MaxWeight) || !double.IsFinite(c.NetExposure))
        {
            throw new AllocationException(ErrorCodes.NonFiniteValue, "min_weight, max_weight and net exposure must be finite", "bounds");
        }

        double sumLo = 0, sumHi = 0;
        for (int i = 0; i < n; i++)
        {
            double lo = c.LowerOf(i), hi = c.UpperOf(i);
            if (lo > hi)
            {
                throw new AllocationException(ErrorCodes.InfeasibleConstraints, $"asset '{assets[i]}': min weight {F(lo)} exceeds max weight {F(hi)}", assets[i]);
            }

            sumLo += lo;
            sumHi += hi;
        }

        const double eps = 1e-12;
        if (sumHi < c.NetExposure - eps)
        {
            string detail = c.MaxWeights is null ? $"max weight {F(c.MaxWeight)} × {n} assets = {F(sumHi)}" : $"the max weights sum to {F(sumHi)}";
            throw new AllocationException(ErrorCodes.InfeasibleConstraints, $"infeasible bounds: {detail} < budget {F(c.NetExposure)}", "max_weight");
        }

        if (sumLo > c.NetExposure + eps)
        {
            throw new AllocationException(ErrorCodes.InfeasibleConstraints, $"infeasible bounds: the min weights sum to {F(sumLo)} > budget {F(c.NetExposure)}", "min_weight");
        }

        if (c.GrossExposure is double gross && (!(gross > 0) || gross < Math.Abs(c.NetExposure) - eps || !double.IsFinite(gross)))
        {
            throw new AllocationException(ErrorCodes.InfeasibleConstraints, $"gross exposure {F(gross)} must be positive and at least |net exposure| {F(Math.Abs(c.NetExposure))}", "gross_exposure");
        }

        if (c.Beta is { } beta)
        {
            AllocationProblem.CheckVector(beta.Betas, n, "betas", assets);
            if (!(beta.Tolerance >= 0) || !double.IsFinite(beta.Tolerance))
            {
                throw new AllocationException(ErrorCodes.InvalidOption, $"neutrality tolerance must be finite and non-negative (got {F(beta.Tolerance)})", "beta_neutrality");
            }
        }

        if (c.ClusterCaps is { } caps)
        {
            ValidateCaps(caps, c, n);
        }
    }

    private static void ValidateCaps(ClusterCaps caps, PortfolioConstraints c, int n)
    {
        if (!(caps.MaxWeight > 0 && caps.MaxWeight <= 1))
        {
            throw new AllocationException(ErrorCodes.InvalidOption, $"cluster cap must lie in (0, 1] (got {F(caps.MaxWeight)})", "cluster_cap");
        }

        if (caps.MaxClusters < 1)
        {
            throw new AllocationException(ErrorCodes.InvalidOption, $"cluster count must be at least 1 (got {caps.MaxClusters})", "max_clusters");
        }

        int clusters = Math.Min(caps.MaxClusters, n);
        if (caps.Labels is not null)
        {
            if (caps.Labels.Count != n)
            {
                throw new AllocationException(ErrorCodes.ShapeMismatch, $"cluster labels have {caps.Labels.Count} entries for {n} assets", "cluster_labels");
            }

            var distinct = new HashSet<int>();
            foreach (int l in caps.Labels)
            {
                distinct.Add(l);
            }

            clusters = distinct.Count;
        }

        if (clusters * caps.MaxWeight < c.NetExposure - 1e-12 && c.IsLongOnly(n))
        {
            throw new AllocationException(
                ErrorCodes.InfeasibleConstraints,
                $"infeasible cluster caps: {clusters} clusters × cap {F(caps.MaxWeight)} = {F(clusters * caps.MaxWeight)} < budget {F(c.NetExposure)}",
                "cluster_cap");
        }
    }

    private static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
