namespace QuantFunctions.Core.Allocation.Engines;

/// <summary>Equal weight: wᵢ = net / N (the 1/N portfolio of DeMiguel, Garlappi and Uppal 2009).</summary>
public sealed class EqualWeightEngine : AllocationEngine
{
    /// <summary>The registry name.</summary>
    public const string EngineName = "equal_weight";

    /// <inheritdoc/>
    public override string Name => EngineName;

    internal override EngineSolution Solve(AllocationProblem problem)
    {
        int n = problem.AssetCount;
        double[] w = new double[n];
        Array.Fill(w, problem.Constraints.NetExposure / n);
        return EngineSolution.Ok(w);
    }
}
