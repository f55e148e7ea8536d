using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Optimization;

namespace QuantFunctions.Core.Allocation.Engines;

/// <summary>Quadratic utility: max μᵀw − (δ/2)·wᵀΣw subject to the constraints.</summary>
public sealed class QuadraticUtilityEngine : AllocationEngine
{
    /// <summary>The registry name.</summary>
    public const string EngineName = "quadratic_utility";

    private readonly QpSolverOptions? _solver;

    /// <summary>Creates the engine.</summary>
    /// <param name="riskAversion">δ &gt; 0.</param>
    /// <param name="solver">QP solver settings.</param>
    /// <exception cref="AllocationException">δ ≤ 0 or not finite.</exception>
    public QuadraticUtilityEngine(double riskAversion = 1.0, QpSolverOptions? solver = null)
    {
        if (!(riskAversion > 0) || !double.IsFinite(riskAversion))
        {
            throw new AllocationException(ErrorCodes.InvalidOption, $"risk aversion must be positive and finite (got {riskAversion})", "risk_aversion");
        }

        RiskAversion = riskAversion;
        _solver = solver;
    }

    /// <summary>δ.</summary>
    public double RiskAversion { get; }

    /// <inheritdoc/>
    public override string Name => EngineName;

    internal override EngineSolution Solve(AllocationProblem problem)
    {
        double[] mu = EngineInputs.RequireExpectedReturns(problem, Name);
        var program = new MeanVarianceProgram(problem, problem.ClusterLabels());
        double[] q = new double[mu.Length];
        for (int i = 0; i < q.Length; i++)
        {
            q[i] = -mu[i];
        }

        (QpSolution s, Dictionary<string, double> d, string? failure) = QpRun.Solve(program.Build(RiskAversion, q), _solver);
        d["risk_aversion"] = RiskAversion;
        return new EngineSolution(program.ToWeights(s.X), failure, d);
    }
}
