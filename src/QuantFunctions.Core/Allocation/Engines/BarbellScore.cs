namespace QuantFunctions.Core.Allocation.Engines;

/// <summary>How the Barbell satellite ranks assets.</summary>
public enum BarbellScore
{
    /// <summary>Sample skewness of the returns (positive skew = convexity).</summary>
    Skewness,

    /// <summary>Cumulative return over the sample, Π(1 + r) − 1.</summary>
    Momentum,

    /// <summary>Scores given in <see cref="BarbellOptions.Scores"/>.</summary>
    Provided,
}
