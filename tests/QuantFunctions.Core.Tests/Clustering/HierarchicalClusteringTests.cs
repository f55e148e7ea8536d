using QuantFunctions.Core.Clustering;

namespace QuantFunctions.Core.Tests.Clustering;

public sealed class HierarchicalClusteringTests
{
    [Theory]
    [InlineData(LinkageMethod.Single)]
    [InlineData(LinkageMethod.Complete)]
    [InlineData(LinkageMethod.Average)]
    [InlineData(LinkageMethod.Ward)]
    public void Build_RandomPoints_MatchesNaiveLanceWilliams(LinkageMethod method)
    {
        // Reference: the textbook O(N³) algorithm (merge the closest pair, Lance-Williams update), whose
        // sorted merge heights must equal those of MST / NN-chain (Müllner 2011, Thm. 1); abs 1e-12.
        int n = 30;
        double[] d = RandomDistances(n, 17);
        Dendrogram fast = HierarchicalClustering.Build(d, n, method);
        double[] naive = NaiveHeights(d, n, method);
        Assert.Equal(n - 1, fast.Merges.Count);
        for (int k = 0; k < n - 1; k++)
        {
            Assert.Equal(naive[k], fast.Merges[k].Height, 1e-12);
        }

        Assert.Equal(n, fast.Merges[^1].Size);
    }

    [Fact]
    public void LeafOrder_IsPermutation_AndCutGivesRequestedClusterCount()
    {
        int n = 25;
        Dendrogram tree = HierarchicalClustering.Build(RandomDistances(n, 3), n, LinkageMethod.Ward);
        Assert.Equal(Enumerable.Range(0, n), tree.LeafOrder().OrderBy(i => i));
        int[] labels = tree.Cut(6);
        Assert.Equal(6, labels.Distinct().Count());
        Assert.Equal(n, tree.Cut(100).Distinct().Count());
        Assert.Single(tree.Cut(1).Distinct());
    }

    [Fact]
    public void Build_FourPointsOnALine_HandCalculatedSingleLinkage()
    {
        // Points 0, 1, 3, 7 on a line: single-linkage merges at 1 ({0,1}), 2 ({0,1}+{3}), 4 (+{7}).
        double[] p = [0, 1, 3, 7];
        double[] d = new double[16];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                d[(j * 4) + i] = Math.Abs(p[i] - p[j]);
            }
        }

        Dendrogram t = HierarchicalClustering.Build(d, 4, LinkageMethod.Single);
        Assert.Equal([1.0, 2.0, 4.0], t.Merges.Select(m => m.Height));
        Assert.Equal(new ClusterMerge(0, 1, 1, 2), t.Merges[0]);
        // SciPy labels: {0,1} = 4, {2} ∪ 4 = 5 (left 2 < 5), {3} ∪ 5 = 6 (left 3); pre-order, left first: 3, 2, 0, 1.
        Assert.Equal([3, 2, 0, 1], t.LeafOrder());
    }

    private static double[] RandomDistances(int n, int seed)
    {
        var rng = new Random(seed);
        double[] pts = new double[n * 3];
        for (int k = 0; k < pts.Length; k++)
        {
            pts[k] = rng.NextDouble();
        }

        double[] d = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int c = 0; c < 3; c++)
                {
                    double diff = pts[(i * 3) + c] - pts[(j * 3) + c];
                    s += diff * diff;
                }

                d[(j * n) + i] = Math.Sqrt(s);
            }
        }

        return d;
    }

    private static double[] NaiveHeights(double[] d0, int n, LinkageMethod method)
    {
        double[] d = (double[])d0.Clone();
        int[] size = Enumerable.Repeat(1, n).ToArray();
        bool[] alive = Enumerable.Repeat(true, n).ToArray();
        var heights = new List<double>();
        for (int step = 0; step < n - 1; step++)
        {
            int bx = -1, by = -1;
            double best = double.PositiveInfinity;
            for (int i = 0; i < n; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    if (alive[i] && alive[j] && d[(j * n) + i] < best)
                    {
                        best = d[(j * n) + i];
                        bx = i;
                        by = j;
                    }
                }
            }

            heights.Add(best);
            for (int k = 0; k < n; k++)
            {
                if (!alive[k] || k == bx || k == by)
                {
                    continue;
                }

                double dx = d[(k * n) + bx], dy = d[(k * n) + by];
                int nx = size[bx], ny = size[by], nk = size[k];
                double nd = method switch
                {
                    LinkageMethod.Single => Math.Min(dx, dy),
                    LinkageMethod.Complete => Math.Max(dx, dy),
                    LinkageMethod.Average => ((nx * dx) + (ny * dy)) / (nx + ny),
                    _ => Math.Sqrt((((nk + nx) * dx * dx) + ((nk + ny) * dy * dy) - (nk * best * best)) / (nx + ny + nk)),
                };
                d[(k * n) + by] = nd;
                d[(by * n) + k] = nd;
            }

            alive[bx] = false;
            size[by] += size[bx];
        }

        heights.Sort();
        return [.. heights];
    }
}
