namespace QuantFunctions.Core.Allocation.Engines;

/// <summary>Inverse volatility: wᵢ ∝ 1/σᵢ, scaled to the net exposure (naive risk parity).</summary>
public sealed class InverseVolatilityEngine : AllocationEngine
{
    /// <summary>The registry name.</summary>
    public const string EngineName = "inverse_vol";

    /// <inheritdoc/>
    public override string Name => EngineName;

    internal override EngineSolution Solve(AllocationProblem problem)
    {
        double[] v = problem.Covariance.Variances();
        double sum = 0;
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = 1.0 / Math.Sqrt(v[i]);
            sum += v[i];
        }

        double scale = problem.Constraints.NetExposure / sum;
        for (int i = 0; i < v.Length; i++)
        {
            v[i] *= scale;
        }

        return EngineSolution.Ok(v);
    }
}
