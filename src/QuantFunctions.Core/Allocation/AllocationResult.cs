namespace QuantFunctions.Core.Allocation;

/// <summary>
/// The output of an allocation: weights, diagnostics, the constraint report and, when the
/// fallback chain ran, every step it took. Plain properties, so it serialises to JSON as is.
/// </summary>
public sealed record AllocationResult
{
    /// <summary>The engine that produced <see cref="Weights"/>.</summary>
    public required string Engine { get; init; }

    /// <summary>The engine that was asked for (differs from <see cref="Engine"/> after a fallback).</summary>
    public required string RequestedEngine { get; init; }

    /// <summary>True only when the engine succeeded and every constraint holds.</summary>
    public required bool Success { get; init; }

    /// <summary>Why the allocation failed (null on success).</summary>
    public string? FailureReason { get; init; }

    /// <summary>Asset names, in the order of <see cref="Weights"/>.</summary>
    public required IReadOnlyList<string> Assets { get; init; }

    /// <summary>The weights.</summary>
    public required IReadOnlyList<double> Weights { get; init; }

    /// <summary>Named numbers: expected_return, volatility, sharpe, iterations, converged (1/0), engine specifics.</summary>
    public required IReadOnlyDictionary<string, double> Diagnostics { get; init; }

    /// <summary>The constraint report at <see cref="Weights"/>.</summary>
    public required ConstraintReport ConstraintReport { get; init; }

    /// <summary>The relaxation / fallback steps (empty when the first attempt succeeded directly).</summary>
    public IReadOnlyList<FallbackStep> FallbackSteps { get; init; } = [];

    /// <summary>The weight of <paramref name="asset"/>.</summary>
    /// <param name="asset">An asset name.</param>
    public double WeightOf(string asset)
    {
        for (int i = 0; i < Assets.Count; i++)
        {
            if (string.Equals(Assets[i], asset, StringComparison.Ordinal))
            {
                return Weights[i];
            }
        }

        throw new KeyNotFoundException($"asset '{asset}' is not in the allocation");
    }
}
