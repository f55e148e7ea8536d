using QuantFunctions.Core.Market;
using QuantFunctions.Core.Returns;

namespace QuantFunctions.Core.Risk;

/// <summary>Estimates μ and Σ from returns as configured by <see cref="RiskModelOptions"/>.</summary>
public static class RiskModel
{
    /// <summary>Runs the estimators, then the condition guard.</summary>
    /// <param name="returns">Periodic returns.</param>
    /// <param name="options">Estimator choices (defaults when null).</param>
    /// <exception cref="Allocation.AllocationException">Bad returns (see the estimators).</exception>
    public static RiskEstimate Estimate(ReturnPanel returns, RiskModelOptions? options = null)
    {
        ReturnsInput.Validate(returns);
        options ??= new RiskModelOptions();
        int ppy = options.PeriodsPerYear;
        double[] mu = Returns.ExpectedReturns.Estimate(returns, options.ExpectedReturnMethod, ppy);
        double? shrinkage = null;
        CovarianceMatrix cov;
        switch (options.Kind)
        {
            case RiskModelKind.SamplePairwise:
                cov = SampleCovariance.ComputePairwise(returns, ppy);
                break;
            case RiskModelKind.Ewma:
                cov = EwmaCovariance.Compute(returns, EwmaCovariance.DecayFromSpan(options.EwmaSpan), ppy);
                break;
            case RiskModelKind.LedoitWolf:
            case RiskModelKind.LedoitWolfConstantCorrelation:
                ShrinkageEstimate s = LedoitWolf.Estimate(
                    returns,
                    options.Kind == RiskModelKind.LedoitWolf ? ShrinkageTarget.ScaledIdentity : ShrinkageTarget.ConstantCorrelation,
                    ppy);
                cov = s.Covariance;
                shrinkage = s.Shrinkage;
                break;
            default:
                cov = SampleCovariance.Compute(returns, ppy);
                break;
        }

        RidgeResult? ridge = null;
        if (options.MaxCondition is double bound)
        {
            ridge = DynamicRidge.Apply(cov, bound);
            cov = ridge.Covariance;
        }

        return new RiskEstimate(cov, mu, shrinkage, ridge);
    }
}
