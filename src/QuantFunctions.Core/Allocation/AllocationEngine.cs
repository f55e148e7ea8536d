using System.Numerics.Tensors;
using QuantFunctions.Core.LinearAlgebra;

namespace QuantFunctions.Core.Allocation;

/// <summary>
/// Base of the built-in engines: runs <see cref="Solve"/>, adds the performance diagnostics and
/// the constraint report, and marks the result a success only when both the engine and every
/// constraint are satisfied.
/// </summary>
public abstract class AllocationEngine : IAllocationEngine
{
    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <summary>The risk-free rate used for the reported Sharpe ratio.</summary>
    protected virtual double RiskFreeRate => 0;

    /// <inheritdoc/>
    public AllocationResult Allocate(AllocationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        EngineSolution s = Solve(problem);
        int n = problem.AssetCount;
        double[] w = s.Weights ?? new double[n];
        var diagnostics = new Dictionary<string, double>(s.Diagnostics, StringComparer.Ordinal);
        double variance = MatrixProducts.QuadraticForm(problem.Covariance.Values, n, w);
        double vol = Math.Sqrt(Math.Max(variance, 0));
        diagnostics["volatility"] = vol;
        if (problem.ExpectedReturns is { } mu)
        {
            double ret = 0;
            for (int i = 0; i < n; i++)
            {
                ret += mu[i] * w[i];
            }

            diagnostics["expected_return"] = ret;
            diagnostics["sharpe"] = vol > 0 ? (ret - RiskFreeRate) / vol : double.NaN;
            diagnostics["risk_free_rate"] = RiskFreeRate;
        }

        diagnostics["gross_exposure"] = TensorPrimitives.SumOfMagnitudes(w);
        ConstraintReport report = ConstraintEvaluator.Evaluate(problem, w, s.ClusterLabels);
        string? failure = s.Weights is null ? s.FailureReason ?? "no weights produced" : s.FailureReason;
        if (failure is null && !report.AllPassed)
        {
            failure = "constraints violated: " + string.Join(", ", report.Violations);
        }

        return new AllocationResult
        {
            Engine = Name,
            RequestedEngine = Name,
            Success = failure is null,
            FailureReason = failure,
            Assets = problem.Assets,
            Weights = w,
            Diagnostics = diagnostics,
            ConstraintReport = report,
        };
    }

    /// <summary>Computes the weights.</summary>
    /// <param name="problem">The validated problem.</param>
    internal abstract EngineSolution Solve(AllocationProblem problem);
}
