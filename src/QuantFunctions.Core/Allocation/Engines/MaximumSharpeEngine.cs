using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Optimization;

namespace QuantFunctions.Core.Allocation.Engines;

/// <summary>
/// Maximum Sharpe ratio: max (μᵀw − r_f)/√(wᵀΣw) subject to the constraints, solved as the convex
/// QP of Cornuéjols and Tütüncü (2007, §8.2) in y = κw (see <see cref="MeanVarianceProgram.BuildSharpe"/>).
/// </summary>
public sealed class MaximumSharpeEngine : AllocationEngine
{
    /// <summary>The registry name.</summary>
    public const string EngineName = "max_sharpe";

    private readonly QpSolverOptions? _solver;

    /// <summary>Creates the engine.</summary>
    /// <param name="riskFreeRate">r_f, annualised like μ.</param>
    /// <param name="solver">QP solver settings.</param>
    /// <exception cref="AllocationException">A non-finite rate.</exception>
    public MaximumSharpeEngine(double riskFreeRate = 0.0, QpSolverOptions? solver = null)
    {
        if (!double.IsFinite(riskFreeRate))
        {
            throw new AllocationException(ErrorCodes.InvalidOption, $"risk-free rate must be finite (got {riskFreeRate})", "risk_free_rate");
        }

        RiskFree = riskFreeRate;
        _solver = solver;
    }

    /// <summary>r_f.</summary>
    public double RiskFree { get; }

    /// <inheritdoc/>
    public override string Name => EngineName;

    /// <inheritdoc/>
    protected override double RiskFreeRate => RiskFree;

    internal override EngineSolution Solve(AllocationProblem problem)
    {
        double[] mu = EngineInputs.RequireExpectedReturns(problem, Name);
        double best = double.NegativeInfinity;
        bool allNegative = true;
        double[] excess = new double[mu.Length];
        for (int i = 0; i < mu.Length; i++)
        {
            excess[i] = mu[i] - RiskFree;
            best = Math.Max(best, excess[i]);
            allNegative &= mu[i] < 0;
        }

        if (problem.Constraints.NetExposure <= 0)
        {
            return EngineSolution.Fail("maximum Sharpe needs a positive net exposure (budget)");
        }

        if (best <= 0 && problem.Constraints.IsLongOnly(problem.AssetCount))
        {
            return EngineSolution.Fail(allNegative
                ? "all expected returns negative: maximum Sharpe undefined"
                : "no expected return exceeds the risk-free rate: maximum Sharpe undefined");
        }

        var program = new MeanVarianceProgram(problem, problem.ClusterLabels());
        (QpSolution s, Dictionary<string, double> d, string? failure) = QpRun.Solve(program.BuildSharpe(excess), _solver);
        return new EngineSolution(failure is null ? program.SharpeToWeights(s.X) : program.ToWeights(s.X), failure, d);
    }
}
