namespace QuantFunctions.Core.Optimization;

/// <summary>The result of a quadratic-program solve.</summary>
/// <param name="X">The solution (the last iterate when not converged).</param>
/// <param name="Status">How the solve ended.</param>
/// <param name="Iterations">ADMM iterations used.</param>
/// <param name="Polished">Whether the active-set polish produced an exact KKT point.</param>
/// <param name="PrimalResidual">‖constraint violation‖∞ at <paramref name="X"/>.</param>
/// <param name="DualResidual">‖Px + q + Aᵀy‖∞ (stationarity) at <paramref name="X"/>.</param>
/// <param name="Objective">½xᵀPx + qᵀx.</param>
public sealed record QpSolution(double[] X, QpStatus Status, int Iterations, bool Polished, double PrimalResidual, double DualResidual, double Objective)
{
    /// <summary>Whether the tolerances were met.</summary>
    public bool Converged => Status == QpStatus.Solved;
}
