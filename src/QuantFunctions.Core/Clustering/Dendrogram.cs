namespace QuantFunctions.Core.Clustering;

/// <summary>The result of agglomerative clustering: N − 1 merges in increasing height.</summary>
public sealed class Dendrogram
{
    private readonly ClusterMerge[] _merges;

    internal Dendrogram(int leafCount, ClusterMerge[] merges)
    {
        LeafCount = leafCount;
        _merges = merges;
    }

    /// <summary>N, the number of leaves.</summary>
    public int LeafCount { get; }

    /// <summary>The merges, ordered by height (ties keep the order they were found in).</summary>
    public IReadOnlyList<ClusterMerge> Merges => _merges;

    /// <summary>
    /// The leaf order (quasi-diagonalisation, López de Prado 2016): a depth-first pre-order walk
    /// from the root visiting the left (smaller id) child first — SciPy <c>to_tree().pre_order()</c>.
    /// </summary>
    public int[] LeafOrder()
    {
        int n = LeafCount;
        int[] order = new int[n];
        if (n == 1)
        {
            return order;
        }

        var stack = new Stack<int>();
        stack.Push((2 * n) - 2);
        int k = 0;
        while (stack.Count > 0)
        {
            int id = stack.Pop();
            if (id < n)
            {
                order[k++] = id;
                continue;
            }

            ClusterMerge m = _merges[id - n];
            stack.Push(m.Right);
            stack.Push(m.Left);
        }

        return order;
    }

    /// <summary>
    /// Cuts the tree into min(<paramref name="maxClusters"/>, N) clusters by undoing the highest
    /// merges. Labels are 0..K−1, numbered in the order clusters first appear in <see cref="LeafOrder"/>.
    /// </summary>
    /// <param name="maxClusters">K, at least 1.</param>
    /// <returns>The cluster label of each leaf.</returns>
    public int[] Cut(int maxClusters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxClusters, 1);
        int n = LeafCount;
        int k = Math.Min(maxClusters, n);
        int[] parent = new int[(2 * n) - 1];
        for (int i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        for (int s = 0; s < n - k; s++)
        {
            ClusterMerge m = _merges[s];
            parent[m.Left] = n + s;
            parent[m.Right] = n + s;
        }

        int[] root = new int[n];
        for (int i = 0; i < n; i++)
        {
            int r = i;
            while (parent[r] != r)
            {
                r = parent[r];
            }

            root[i] = r;
        }

        var label = new Dictionary<int, int>();
        int[] labels = new int[n];
        foreach (int leaf in LeafOrder())
        {
            if (!label.TryGetValue(root[leaf], out int l))
            {
                l = label.Count;
                label[root[leaf]] = l;
            }

            labels[leaf] = l;
        }

        return labels;
    }
}
