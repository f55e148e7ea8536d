using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Sleeves;

/// <summary>Allocates across the columns of a return panel with a named engine (and its fallback chain).</summary>
public static class PanelAllocator
{
    /// <summary>
    /// Allocates on the panel's complete rows (<see cref="ReturnPanel.CompleteRows"/>: every column has a return; the other rows are dropped and counted).
    /// </summary>
    /// <param name="panel">Returns, dates × assets (or sleeves).</param>
    /// <param name="engine">Engine name from the allocation engine registry.</param>
    /// <param name="periodsPerYear">Annualisation of the risk model.</param>
    /// <param name="minimumRows">Complete rows required.</param>
    /// <param name="constraints">The constraints every engine of the fallback chain runs under (long-only, fully invested when null).</param>
    /// <returns>The allocation result and the number of rows dropped for gaps.</returns>
    /// <exception cref="DomainValidationException">Fewer than <paramref name="minimumRows"/> complete rows.</exception>
    public static (AllocationResult Result, int RowsUsed, int RowsDropped) Allocate(ReturnPanel panel, string engine, int periodsPerYear, int minimumRows = 10, PortfolioConstraints? constraints = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ReturnPanel complete = panel.CompleteRows();
        if (complete.RowCount < minimumRows)
        {
            throw new DomainValidationException(
                ErrorCodes.InsufficientData,
                $"Allocation: only {complete.RowCount} of {panel.RowCount} sessions have a return for every column (need {minimumRows}).");
        }

        AllocationProblem problem = AllocationProblem.FromReturns(complete, new Risk.RiskModelOptions { PeriodsPerYear = periodsPerYear }, constraints);
        AllocationResult result = AllocationEngineRegistry.CreateWithFallback(engine).Allocate(problem);
        return (result, complete.RowCount, panel.RowCount - complete.RowCount);
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
