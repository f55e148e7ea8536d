using System.Globalization;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.LinearAlgebra;
using QuantFunctions.Core.Optimization;

namespace QuantFunctions.Core.Allocation.Engines;

/// <summary>
/// Efficient risk: max μᵀw subject to √(wᵀΣw) ≤ σ* and the constraints. The volatility of the
/// quadratic-utility optimum w(δ) decreases in δ, so δ is found by bisection on log δ until
/// σ(w(δ)) = σ* (or the constraint is slack at the most aggressive δ).
/// </summary>
public sealed class EfficientRiskEngine : AllocationEngine
{
    /// <summary>The registry name.</summary>
    public const string EngineName = "efficient_risk";

    private const int BisectionSteps = 60;
    private readonly QpSolverOptions? _solver;

    /// <summary>Creates the engine.</summary>
    /// <param name="targetVolatility">σ* &gt; 0 (annualised like Σ).</param>
    /// <param name="solver">QP solver settings.</param>
    /// <exception cref="AllocationException">σ* ≤ 0 or not finite.</exception>
    public EfficientRiskEngine(double targetVolatility, QpSolverOptions? solver = null)
    {
        if (!(targetVolatility > 0) || !double.IsFinite(targetVolatility))
        {
            throw new AllocationException(ErrorCodes.InvalidOption, $"target volatility must be positive and finite (got {targetVolatility})", "target_volatility");
        }

        TargetVolatility = targetVolatility;
        _solver = solver;
    }

    /// <summary>σ*.</summary>
    public double TargetVolatility { get; }

    /// <inheritdoc/>
    public override string Name => EngineName;

    internal override EngineSolution Solve(AllocationProblem problem)
    {
        double[] mu = EngineInputs.RequireExpectedReturns(problem, Name);
        int n = problem.AssetCount;
        var program = new MeanVarianceProgram(problem, problem.ClusterLabels());
        (QpSolution minVar, _, string? minFailure) = QpRun.Solve(program.Build(1.0, default), _solver);
        if (minFailure is not null)
        {
            return EngineSolution.Fail("minimum-variance step failed: " + minFailure);
        }

        double minVol = Volatility(problem, program.ToWeights(minVar.X));
        if (minVol > TargetVolatility * (1 + 1e-9))
        {
            return EngineSolution.Fail(string.Create(CultureInfo.InvariantCulture, $"target volatility {TargetVolatility:G6} is below the minimum attainable {minVol:G6}"));
        }

        double[] q = new double[n];
        double muMax = 0, diag = 0;
        for (int i = 0; i < n; i++)
        {
            q[i] = -mu[i];
            muMax = Math.Max(muMax, Math.Abs(mu[i]));
            diag += problem.Covariance[i, i] / n;
        }

        double scale = Math.Max(muMax, 1e-12) / diag;
        double logLo = Math.Log(1e-4 * scale), logHi = Math.Log(1e7 * scale);
        (double[] wLo, string? fLo, int it) = Utility(program, Math.Exp(logLo), q, minVar.X);
        if (fLo is null && Volatility(problem, wLo) <= TargetVolatility)
        {
            return EngineSolution.Ok(wLo, Diagnostics(Math.Exp(logLo), it, binding: false));
        }

        double[] best = program.ToWeights(minVar.X);
        double bestDelta = double.PositiveInfinity;
        int total = it;
        for (int step = 0; step < BisectionSteps; step++)
        {
            double mid = 0.5 * (logLo + logHi);
            (double[] w, string? f, int iters) = Utility(program, Math.Exp(mid), q, minVar.X);
            total += iters;
            if (f is not null)
            {
                return EngineSolution.Fail("quadratic-utility step failed: " + f);
            }

            if (Volatility(problem, w) > TargetVolatility)
            {
                logLo = mid;
            }
            else
            {
                logHi = mid;
                best = w;
                bestDelta = Math.Exp(mid);
            }
        }

        return EngineSolution.Ok(best, Diagnostics(bestDelta, total, binding: true));
    }

    private Dictionary<string, double> Diagnostics(double delta, int iterations, bool binding) => new(StringComparer.Ordinal)
    {
        ["target_volatility"] = TargetVolatility,
        ["risk_aversion"] = delta,
        ["iterations"] = iterations,
        ["converged"] = 1,
        ["volatility_constraint_binding"] = binding ? 1 : 0,
    };

    private (double[] Weights, string? Failure, int Iterations) Utility(MeanVarianceProgram program, double delta, double[] q, double[] warm)
    {
        (QpSolution s, _, string? f) = QpRun.Solve(program.Build(delta, q), _solver, warm);
        return (program.ToWeights(s.X), f, s.Iterations);
    }

    private static double Volatility(AllocationProblem problem, double[] w) =>
        Math.Sqrt(Math.Max(MatrixProducts.QuadraticForm(problem.Covariance.Values, problem.AssetCount, w), 0));
}
