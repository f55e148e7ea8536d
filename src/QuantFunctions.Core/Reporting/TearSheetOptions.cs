using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Reporting;

/// <summary>Chart options of a tear sheet.</summary>
public sealed record TearSheetOptions
{
    /// <summary>The rolling window of the volatility, Sharpe, Sortino and beta charts, in periods; 126 (half a trading year, quantstats' default) by default.</summary>
    /// <remarks>A series shorter than three windows uses a third of its length (at least 5) so the rolling charts still show a curve.</remarks>
    public int RollingWindow { get; init; } = 126;

    /// <summary>Bins of the return histogram; 40 by default.</summary>
    public int HistogramBins { get; init; } = 40;

    /// <summary>How many of the worst drawdown periods are shaded on the equity curve; 5 by default.</summary>
    public int WorstDrawdowns { get; init; } = 5;

    /// <summary>Columns drawn separately in the weights chart (the largest by mean absolute weight); the rest are summed as "other". 8 by default.</summary>
    public int WeightSeries { get; init; } = 8;

    /// <summary>Checks the options.</summary>
    /// <exception cref="DomainValidationException">Naming the option.</exception>
    public void Validate()
    {
        if (RollingWindow < 2 || HistogramBins < 1 || WorstDrawdowns < 1 || WeightSeries < 1)
        {
            throw new DomainValidationException(
                ErrorCodes.InvalidInput,
                $"Tear sheet options: need RollingWindow ≥ 2 (got {RollingWindow}), HistogramBins ≥ 1 (got {HistogramBins}), WorstDrawdowns ≥ 1 (got {WorstDrawdowns}), WeightSeries ≥ 1 (got {WeightSeries}).");
        }
    }

    /// <summary>The rolling window used for a series of <paramref name="count"/> periods.</summary>
    /// <param name="count">The series length.</param>
    /// <returns>The window.</returns>
    internal int EffectiveWindow(int count) => count >= 3 * RollingWindow ? RollingWindow : Math.Clamp(count / 3, Math.Min(5, count), RollingWindow);
}
