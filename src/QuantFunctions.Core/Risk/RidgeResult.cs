namespace QuantFunctions.Core.Risk;

/// <summary>The outcome of the dynamic-ridge condition guard.</summary>
/// <param name="Covariance">Σ + λ·(tr Σ / N)·I (the input itself when λ = 0).</param>
/// <param name="Lambda">λ, the relative ridge added (0 when κ was already within the bound).</param>
/// <param name="ConditionBefore">κ(Σ) = λmax/λmin before (+∞ when singular).</param>
/// <param name="ConditionAfter">κ after the ridge.</param>
/// <param name="Bound">The bound κ had to meet.</param>
public sealed record RidgeResult(CovarianceMatrix Covariance, double Lambda, double ConditionBefore, double ConditionAfter, double Bound);
