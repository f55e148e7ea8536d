namespace QuantFunctions.Core.Allocation;

/// <summary>Why an allocation input was rejected; carried by <see cref="AllocationException"/>.</summary>
public enum AllocationErrorCode
{
    /// <summary>A NaN or ±∞ where a finite number is required.</summary>
    NonFiniteValue,

    /// <summary>Fewer observations than the estimator needs.</summary>
    TooFewObservations,

    /// <summary>An asset whose variance is zero (a constant series).</summary>
    ZeroVariance,

    /// <summary>A covariance matrix that is not symmetric.</summary>
    NotSymmetric,

    /// <summary>A covariance matrix with a negative eigenvalue.</summary>
    NotPositiveSemidefinite,

    /// <summary>Vectors or matrices whose sizes disagree.</summary>
    DimensionMismatch,

    /// <summary>Constraints that no weight vector can satisfy (e.g. max weight × N &lt; 1).</summary>
    InfeasibleConstraints,

    /// <summary>An option value outside its valid range, or an unknown engine or option name.</summary>
    InvalidOption,
}
