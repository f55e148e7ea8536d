using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Clustering;

/// <summary>
/// Agglomerative hierarchical clustering in O(N²) memory and time: Prim's minimum spanning tree for
/// single linkage, the nearest-neighbour chain for complete, average and Ward linkage.
/// </summary>
/// <remarks>
/// Müllner (2011), "Modern hierarchical, agglomerative clustering algorithms", arXiv:1109.2378,
/// algorithms MST-linkage and NN-chain-linkage, with SciPy's conventions for tie-breaking, merge
/// ordering (stable sort by height) and labelling, so leaf orders match <c>scipy.cluster.hierarchy</c>.
/// Lance-Williams updates: complete max(dₓᵢ, dᵧᵢ); average (nₓdₓᵢ + nᵧdᵧᵢ)/(nₓ + nᵧ);
/// Ward √(((nᵢ+nₓ)dₓᵢ² + (nᵢ+nᵧ)dᵧᵢ² − nᵢdₓᵧ²)/(nₓ+nᵧ+nᵢ)).
/// </remarks>
public static class HierarchicalClustering
{
    /// <summary>Clusters N items from their pairwise distances.</summary>
    /// <param name="distance">A symmetric N×N distance matrix (column-major, zero diagonal).</param>
    /// <param name="n">N.</param>
    /// <param name="method">The linkage.</param>
    /// <exception cref="AllocationException">Sizes disagree, or a distance is negative or not finite.</exception>
    public static Dendrogram Build(ReadOnlySpan<double> distance, int n, LinkageMethod method)
    {
        if (n < 1 || distance.Length != n * n)
        {
            throw new AllocationException(ErrorCodes.ShapeMismatch, $"distance matrix has {distance.Length} entries; {n} items need {n * n}");
        }

        foreach (double d in distance)
        {
            if (!(d >= 0) || double.IsInfinity(d))
            {
                throw new AllocationException(ErrorCodes.NonFiniteValue, $"distances must be finite and non-negative (found {d})", "distance");
            }
        }

        var raw = new (int X, int Y, double Height)[Math.Max(n - 1, 0)];
        if (method == LinkageMethod.Single)
        {
            MinimumSpanningTree(distance, n, raw);
        }
        else
        {
            NearestNeighbourChain(distance.ToArray(), n, method, raw);
        }

        return Label(raw, n);
    }

    private static void MinimumSpanningTree(ReadOnlySpan<double> d, int n, (int X, int Y, double Height)[] raw)
    {
        bool[] merged = new bool[n];
        double[] dMin = new double[n];
        Array.Fill(dMin, double.PositiveInfinity);
        int x = 0;
        for (int k = 0; k < n - 1; k++)
        {
            merged[x] = true;
            double currentMin = double.PositiveInfinity;
            int y = -1;
            ReadOnlySpan<double> row = d.Slice(x * n, n);
            for (int i = 0; i < n; i++)
            {
                if (merged[i])
                {
                    continue;
                }

                if (dMin[i] > row[i])
                {
                    dMin[i] = row[i];
                }

                if (y < 0 || dMin[i] < currentMin)
                {
                    y = i;
                    currentMin = dMin[i];
                }
            }

            raw[k] = (x, y, currentMin);
            x = y;
        }
    }

    private static void NearestNeighbourChain(double[] d, int n, LinkageMethod method, (int X, int Y, double Height)[] raw)
    {
        int[] size = new int[n];
        Array.Fill(size, 1);
        int[] chain = new int[n];
        int chainLength = 0;
        for (int k = 0; k < n - 1; k++)
        {
            if (chainLength == 0)
            {
                for (int i = 0; i < n; i++)
                {
                    if (size[i] > 0)
                    {
                        chain[0] = i;
                        chainLength = 1;
                        break;
                    }
                }
            }

            int x, y;
            double currentMin;
            while (true)
            {
                x = chain[chainLength - 1];
                y = -1;
                currentMin = double.PositiveInfinity;
                if (chainLength > 1)
                {
                    y = chain[chainLength - 2];
                    currentMin = d[(x * n) + y];
                }

                for (int i = 0; i < n; i++)
                {
                    if (size[i] == 0 || i == x)
                    {
                        continue;
                    }

                    double dist = d[(x * n) + i];
                    if (dist < currentMin || y < 0)
                    {
                        currentMin = dist;
                        y = i;
                    }
                }

                if (chainLength > 1 && y == chain[chainLength - 2])
                {
                    break;
                }

                chain[chainLength++] = y;
            }

            chainLength -= 2;
            if (x > y)
            {
                (x, y) = (y, x);
            }

            int nx = size[x], ny = size[y];
            raw[k] = (x, y, currentMin);
            size[x] = 0;
            size[y] = nx + ny;
            for (int i = 0; i < n; i++)
            {
                int ni = size[i];
                if (ni == 0 || i == y)
                {
                    continue;
                }

                double dxi = d[(x * n) + i], dyi = d[(y * n) + i];
                double nd = method switch
                {
                    LinkageMethod.Complete => Math.Max(dxi, dyi),
                    LinkageMethod.Average => ((nx * dxi) + (ny * dyi)) / (nx + ny),
                    _ => Math.Sqrt(Math.Max(0, (((ni + nx) * dxi * dxi) + ((ni + ny) * dyi * dyi) - (ni * currentMin * currentMin)) / (nx + ny + ni))),
                };
                d[(y * n) + i] = nd;
                d[(i * n) + y] = nd;
            }
        }
    }

    private static Dendrogram Label((int X, int Y, double Height)[] raw, int n)
    {
        int[] order = new int[raw.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Stable sort by height (SciPy uses a mergesort).
        Array.Sort(order, (a, b) =>
        {
            int c = raw[a].Height.CompareTo(raw[b].Height);
            return c != 0 ? c : a.CompareTo(b);
        });

        int[] parent = new int[(2 * n) - 1];
        int[] size = new int[(2 * n) - 1];
        for (int i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
            size[i] = 1;
        }

        var merges = new ClusterMerge[raw.Length];
        for (int k = 0; k < order.Length; k++)
        {
            (int x, int y, double h) = raw[order[k]];
            int rx = Find(parent, x), ry = Find(parent, y);
            int id = n + k;
            size[id] = size[rx] + size[ry];
            parent[rx] = id;
            parent[ry] = id;
            merges[k] = new ClusterMerge(Math.Min(rx, ry), Math.Max(rx, ry), h, size[id]);
        }

        return new Dendrogram(n, merges);
    }

    private static int Find(int[] parent, int x)
    {
        int root = x;
        while (parent[root] != root)
        {
            root = parent[root];
        }

        while (parent[x] != root)
        {
            (parent[x], x) = (root, parent[x]);
        }

        return root;
    }
}
