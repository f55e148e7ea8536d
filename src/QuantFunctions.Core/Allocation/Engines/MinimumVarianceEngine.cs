using QuantFunctions.Core.Optimization;

namespace QuantFunctions.Core.Allocation.Engines;

/// <summary>Minimum variance: min wᵀΣw subject to the constraints (Markowitz 1952).</summary>
/// <param name="solver">QP solver settings (defaults when null).</param>
public sealed class MinimumVarianceEngine(QpSolverOptions? solver = null) : AllocationEngine
{
    /// <summary>The registry name.</summary>
    public const string EngineName = "min_variance";

    /// <inheritdoc/>
    public override string Name => EngineName;

    internal override EngineSolution Solve(AllocationProblem problem)
    {
        var program = new MeanVarianceProgram(problem, problem.ClusterLabels());
        (QpSolution s, Dictionary<string, double> d, string? failure) = QpRun.Solve(program.Build(1.0, default), solver);
        return new EngineSolution(program.ToWeights(s.X), failure, d);
    }
}
