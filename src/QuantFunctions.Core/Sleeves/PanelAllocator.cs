using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Returns;

namespace QuantFunctions.Core.Sleeves;

/// <summary>Allocates across the columns of a return panel with a named engine (and its fallback chain).</summary>
public static class PanelAllocator
{
    /// <summary>
    /// Allocates on the panel's rows where every column has a return (other rows are dropped and counted).
    /// </summary>
    /// <param name="panel">Returns, dates × assets (or sleeves).</param>
    /// <param name="engine">Engine name from the allocation engine registry.</param>
    /// <param name="periodsPerYear">Annualisation of the risk model.</param>
    /// <param name="minimumRows">Complete rows required.</param>
    /// <returns>The allocation result and the number of rows dropped for gaps.</returns>
    /// <exception cref="DomainValidationException">Fewer than <paramref name="minimumRows"/> complete rows.</exception>
    public static (AllocationResult Result, int RowsUsed, int RowsDropped) Allocate(ReturnPanel panel, string engine, int periodsPerYear, int minimumRows = 10)
    {
        ArgumentNullException.ThrowIfNull(panel);
        int n = panel.ColumnCount;
        var complete = new List<int>(panel.RowCount);
        for (int r = 0; r < panel.RowCount; r++)
        {
            bool ok = true;
            for (int c = 0; c < n && ok; c++)
            {
                ok = !double.IsNaN(panel[r, c]);
            }

            if (ok)
            {
                complete.Add(r);
            }
        }

        if (complete.Count < minimumRows)
        {
            throw new DomainValidationException(
                ErrorCodes.InsufficientData,
                $"Allocation: only {complete.Count} of {panel.RowCount} sessions have a return for every column (need {minimumRows}).");
        }

        double[] values = new double[complete.Count * n];
        for (int c = 0; c < n; c++)
        {
            ReadOnlySpan<double> column = panel.Column(c);
            for (int k = 0; k < complete.Count; k++)
            {
                values[(c * complete.Count) + k] = column[complete[k]];
            }
        }

        ReturnsMatrix matrix = ReturnsMatrix.Create(panel.Columns, complete.Count, values);
        AllocationProblem problem = AllocationProblem.FromReturns(matrix, new Risk.RiskModelOptions { PeriodsPerYear = periodsPerYear });
        AllocationResult result = AllocationEngineRegistry.CreateWithFallback(engine).Allocate(problem);
        return (result, complete.Count, panel.RowCount - complete.Count);
    }

    /// <summary>The weights of <see cref="Allocate"/> as an array in column order.</summary>
    public static double[] Weights(AllocationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        double[] weights = new double[result.Weights.Count];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = result.Weights[i];
        }

        return weights;
    }
}
