namespace QuantFunctions.Core.Clustering;

/// <summary>
/// One agglomeration step in SciPy's linkage-matrix convention: clusters are numbered 0..N−1 for
/// leaves and N + k for the cluster formed by step k; <see cref="Left"/> &lt; <see cref="Right"/>.
/// </summary>
/// <param name="Left">The smaller cluster id merged.</param>
/// <param name="Right">The larger cluster id merged.</param>
/// <param name="Height">The linkage distance of the merge.</param>
/// <param name="Size">The number of leaves in the merged cluster.</param>
public readonly record struct ClusterMerge(int Left, int Right, double Height, int Size);
