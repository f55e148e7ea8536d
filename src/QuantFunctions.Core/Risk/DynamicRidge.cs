using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.LinearAlgebra;

namespace QuantFunctions.Core.Risk;

/// <summary>
/// Condition-number guard: adds the smallest ridge λ·tr(Σ)/N·I that brings κ(Σ) within a bound.
/// </summary>
/// <remarks>
/// A ridge s·I shifts every eigenvalue by s, so κ(Σ + sI) = (e_max + s)/(e_min + s) and the
/// smallest sufficient ridge is closed-form: s = max(0, (e_max − B·e_min)/(B − 1)), λ = s·N/tr(Σ).
/// Only the two extreme eigenvalues are needed: <see cref="SymmetricEigenvalues.Extremes"/> (tridiagonal reduction and bisection, no eigenvectors).
/// </remarks>
public static class DynamicRidge
{
    /// <summary>The default bound on κ.</summary>
    public const double DefaultMaxCondition = 5000;

    /// <summary>Applies the guard.</summary>
    /// <param name="covariance">Σ.</param>
    /// <param name="maxCondition">The bound B on κ (greater than 1).</param>
    /// <exception cref="AllocationException">B ≤ 1.</exception>
    public static RidgeResult Apply(CovarianceMatrix covariance, double maxCondition = DefaultMaxCondition)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        if (!(maxCondition > 1) || double.IsInfinity(maxCondition))
        {
            throw new AllocationException(ErrorCodes.InvalidOption, $"condition bound must be finite and greater than 1 (got {maxCondition})", "max_condition");
        }

        int n = covariance.Size;
        (double eMin, double eMax) = SymmetricEigenvalues.Extremes(covariance.Values, n);
        ReadOnlySpan<double> matrix = covariance.Values;
        double trace = 0;
        for (int i = 0; i < n; i++)
        {
            trace += matrix[(i * n) + i];
        }

        eMin = Math.Max(eMin, 0);
        double before = eMin > 0 ? eMax / eMin : double.PositiveInfinity;
        if (before <= maxCondition)
        {
            return new RidgeResult(covariance, 0, before, before, maxCondition);
        }

        // The copy is made only when the ridge is applied.
        double shift = (eMax - (maxCondition * eMin)) / (maxCondition - 1);
        double[] values = covariance.ToArray();
        for (int i = 0; i < n; i++)
        {
            values[(i * n) + i] += shift;
        }

        double after = (eMax + shift) / (eMin + shift);
        return new RidgeResult(covariance.With(values), shift * n / trace, before, after, maxCondition);
    }
}
