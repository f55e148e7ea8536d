using QuantFunctions.Core.Clustering;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Risk;

namespace QuantFunctions.Core.Selection;

/// <summary>
/// Ward clustering of the gate's survivors on their raw returns (seed 000 Pillar 1): the dense matrix (union rows where
/// every survivor has a return), the sample correlation ρ, the distance √((1 − ρ)/2), Ward linkage, and the tree cut
/// into at most K clusters. A constant series has no correlation; it is taken as uncorrelated (ρ = 0) with the others.
/// </summary>
public static class CandidateClustering
{
    /// <summary>Clusters the survivors of <paramref name="gate"/>.</summary>
    /// <param name="window">The history window the gate checked.</param>
    /// <param name="gate">Its findings (survivors have a null reason).</param>
    /// <param name="maxClusters">K.</param>
    /// <returns>Per panel column: its cluster, 1..K, or 0 when the gate dropped it; and the number of clusters.</returns>
    public static (int[] Clusters, int Count) Cluster(ReturnPanel window, FoundationGateResult gate, int maxClusters)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(gate);
        var survivors = new List<int>(window.ColumnCount);
        for (int j = 0; j < window.ColumnCount; j++)
        {
            if (gate.Reasons[j] is null)
            {
                survivors.Add(j);
            }
        }

        int[] clusters = new int[window.ColumnCount];
        int n = survivors.Count;
        if (n == 1)
        {
            clusters[survivors[0]] = 1;
            return (clusters, 1);
        }

        ReturnPanel dense = Dense(window, survivors, gate.DenseRows);
        double[] rho = Correlation.FromCovariance(SampleCovariance.Compute(dense));
        for (int k = 0; k < rho.Length; k++)
        {
            rho[k] = double.IsNaN(rho[k]) ? 0.0 : rho[k];
        }

        int[] labels = HierarchicalClustering.Build(Correlation.Distance(rho, n), n, LinkageMethod.Ward).Cut(maxClusters);
        int count = 0;
        for (int s = 0; s < n; s++)
        {
            clusters[survivors[s]] = labels[s] + 1;
            count = Math.Max(count, labels[s] + 1);
        }

        return (clusters, count);
    }

    private static ReturnPanel Dense(ReturnPanel window, List<int> survivors, int denseRows)
    {
        int n = survivors.Count;
        double[] values = new double[denseRows * n];
        string[] columns = new string[n];
        DateOnly[] dates = new DateOnly[denseRows];
        for (int t = 0, row = 0; t < window.RowCount; t++)
        {
            bool complete = true;
            for (int s = 0; s < n && complete; s++)
            {
                complete = !double.IsNaN(window[t, survivors[s]]);
            }

            if (!complete)
            {
                continue;
            }

            for (int s = 0; s < n; s++)
            {
                values[(s * denseRows) + row] = window[t, survivors[s]];
            }

            dates[row++] = window.Dates[t];
        }

        for (int s = 0; s < n; s++)
        {
            columns[s] = window.Columns[survivors[s]];
        }

        return new ReturnPanel(dates, columns, values);
    }
}
