using System.Globalization;
using QuantFunctions.Core.Optimization;

namespace QuantFunctions.Core.Allocation.Engines;

/// <summary>Runs a QP and turns its outcome into engine diagnostics or a failure reason.</summary>
internal static class QpRun
{
    public static (QpSolution Solution, Dictionary<string, double> Diagnostics, string? Failure) Solve(QuadraticProgram qp, QpSolverOptions? options, ReadOnlySpan<double> warm = default)
    {
        QpSolution s = QpSolver.Solve(qp, options, warm);
        var d = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["iterations"] = s.Iterations,
            ["converged"] = s.Converged ? 1 : 0,
            ["polished"] = s.Polished ? 1 : 0,
            ["primal_residual"] = s.PrimalResidual,
            ["dual_residual"] = s.DualResidual,
        };
        string? failure = s.Status switch
        {
            QpStatus.Solved => null,
            QpStatus.PrimalInfeasible => "constraints infeasible: the solver found a certificate of primal infeasibility",
            _ => string.Create(CultureInfo.InvariantCulture, $"solver did not converge in {s.Iterations} iterations (primal residual {s.PrimalResidual:G3})"),
        };
        return (s, d, failure);
    }
}
