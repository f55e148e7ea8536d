namespace QuantFunctions.Core.Allocation;

/// <summary>What an engine computed, before the constraint report.</summary>
/// <param name="Weights">The weights (null when the engine could not produce any).</param>
/// <param name="FailureReason">Why the engine failed (null on success).</param>
/// <param name="Diagnostics">Engine-specific numbers.</param>
/// <param name="ClusterLabels">Labels the engine used for cluster caps (null: the problem's default).</param>
internal sealed record EngineSolution(double[]? Weights, string? FailureReason, Dictionary<string, double> Diagnostics, int[]? ClusterLabels = null)
{
    public static EngineSolution Ok(double[] weights, Dictionary<string, double>? diagnostics = null, int[]? labels = null) =>
        new(weights, null, diagnostics ?? [], labels);

    public static EngineSolution Fail(string reason, double[]? weights = null, Dictionary<string, double>? diagnostics = null) =>
        new(weights, reason, diagnostics ?? []);
}
