namespace QuantFunctions.Core.Risk;

/// <summary>μ and Σ estimated by <see cref="RiskModel"/>, with what the estimators decided.</summary>
/// <param name="Covariance">Σ, annualised (after the ridge, when one was added).</param>
/// <param name="ExpectedReturns">μ, annualised.</param>
/// <param name="Shrinkage">The Ledoit-Wolf δ, when shrinkage was used.</param>
/// <param name="Ridge">The condition guard's outcome, when the guard ran.</param>
public sealed record RiskEstimate(CovarianceMatrix Covariance, double[] ExpectedReturns, double? Shrinkage, RidgeResult? Ridge);
