using System.Globalization;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Optimization;

namespace QuantFunctions.Core.Allocation.Engines;

/// <summary>Efficient return: min wᵀΣw subject to μᵀw ≥ target and the constraints.</summary>
public sealed class EfficientReturnEngine : AllocationEngine
{
    /// <summary>The registry name.</summary>
    public const string EngineName = "efficient_return";

    private readonly QpSolverOptions? _solver;

    /// <summary>Creates the engine.</summary>
    /// <param name="targetReturn">The required (annualised) expected return.</param>
    /// <param name="solver">QP solver settings.</param>
    /// <exception cref="AllocationException">A non-finite target.</exception>
    public EfficientReturnEngine(double targetReturn, QpSolverOptions? solver = null)
    {
        if (!double.IsFinite(targetReturn))
        {
            throw new AllocationException(ErrorCodes.InvalidOption, $"target return must be finite (got {targetReturn})", "target_return");
        }

        TargetReturn = targetReturn;
        _solver = solver;
    }

    /// <summary>The target return.</summary>
    public double TargetReturn { get; }

    /// <inheritdoc/>
    public override string Name => EngineName;

    internal override EngineSolution Solve(AllocationProblem problem)
    {
        double[] mu = EngineInputs.RequireExpectedReturns(problem, Name);
        var program = new MeanVarianceProgram(problem, problem.ClusterLabels());
        program.AddRow("target_return", mu, TargetReturn, double.PositiveInfinity);
        (QpSolution s, Dictionary<string, double> d, string? failure) = QpRun.Solve(program.Build(1.0, default), _solver);
        if (failure is not null && s.Status == QpStatus.PrimalInfeasible)
        {
            failure = string.Create(CultureInfo.InvariantCulture, $"target return {TargetReturn:G6} is not attainable under the constraints");
        }

        d["target_return"] = TargetReturn;
        return new EngineSolution(program.ToWeights(s.X), failure, d);
    }
}
