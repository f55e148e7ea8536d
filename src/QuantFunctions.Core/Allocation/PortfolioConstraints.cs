namespace QuantFunctions.Core.Allocation;

/// <summary>
/// Constraints on the weights: per-asset bounds, the budget (net exposure Σw), an optional gross
/// limit Σ|w| for long/short books, market neutrality and cluster caps. Checked against the
/// universe when an <see cref="AllocationProblem"/> is created.
/// </summary>
public sealed record PortfolioConstraints
{
    /// <summary>Lower bound for every asset (overridden by <see cref="MinWeights"/>).</summary>
    /// <value>0 (long-only).</value>
    public double MinWeight { get; init; }

    /// <summary>Upper bound for every asset (overridden by <see cref="MaxWeights"/>).</summary>
    /// <value>1.</value>
    public double MaxWeight { get; init; } = 1;

    /// <summary>Per-asset lower bounds, in asset order.</summary>
    public IReadOnlyList<double>? MinWeights { get; init; }

    /// <summary>Per-asset upper bounds, in asset order.</summary>
    public IReadOnlyList<double>? MaxWeights { get; init; }

    /// <summary>Net exposure Σw (the budget).</summary>
    /// <value>1.</value>
    public double NetExposure { get; init; } = 1;

    /// <summary>Gross exposure limit Σ|w| for long/short books; null = none.</summary>
    public double? GrossExposure { get; init; }

    /// <summary>Market neutrality |wᵀβ| ≤ tolerance; null = none.</summary>
    public BetaNeutrality? Beta { get; init; }

    /// <summary>Cluster caps; null = none.</summary>
    public ClusterCaps? ClusterCaps { get; init; }

    /// <summary>Long-only, fully invested, no other constraint.</summary>
    public static PortfolioConstraints LongOnly { get; } = new();

    /// <summary>Whether every lower bound is non-negative.</summary>
    public bool IsLongOnly(int assets)
    {
        for (int i = 0; i < assets; i++)
        {
            if (LowerOf(i) < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The lower bound of asset <paramref name="i"/>.</summary>
    /// <param name="i">Asset index.</param>
    public double LowerOf(int i) => MinWeights is null ? MinWeight : MinWeights[i];

    /// <summary>The upper bound of asset <paramref name="i"/>.</summary>
    /// <param name="i">Asset index.</param>
    public double UpperOf(int i) => MaxWeights is null ? MaxWeight : MaxWeights[i];
}
