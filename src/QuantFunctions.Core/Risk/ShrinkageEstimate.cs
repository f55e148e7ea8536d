namespace QuantFunctions.Core.Risk;

/// <summary>A shrunk covariance Σ = δ·F + (1 − δ)·S and its shrinkage intensity.</summary>
/// <param name="Covariance">The shrunk, annualised covariance.</param>
/// <param name="Shrinkage">δ ∈ [0, 1].</param>
/// <param name="Target">The target F.</param>
public sealed record ShrinkageEstimate(CovarianceMatrix Covariance, double Shrinkage, ShrinkageTarget Target);
