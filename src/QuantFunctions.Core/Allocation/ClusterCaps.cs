using QuantFunctions.Core.Clustering;

namespace QuantFunctions.Core.Allocation;

/// <summary>
/// Caps the total weight of each cluster of assets. Clusters come from cutting the dendrogram of
/// the correlation distance into at most <see cref="MaxClusters"/> clusters, or are given.
/// </summary>
/// <param name="MaxWeight">The cap per cluster; default 0.25.</param>
/// <param name="MaxClusters">K for the cut; default 25.</param>
/// <param name="Linkage">The linkage for the cut; null = the engine's own linkage (HRP), else single.</param>
/// <param name="Labels">Explicit cluster label per asset (e.g. sectors); overrides the cut.</param>
public sealed record ClusterCaps(
    double MaxWeight = ClusterCaps.DefaultMaxWeight,
    int MaxClusters = ClusterCaps.DefaultMaxClusters,
    LinkageMethod? Linkage = null,
    IReadOnlyList<int>? Labels = null)
{
    /// <summary>Default cap per cluster, 25%.</summary>
    public const double DefaultMaxWeight = 0.25;

    /// <summary>Default number of clusters, 25.</summary>
    public const int DefaultMaxClusters = 25;
}
