namespace QuantFunctions.Core.Errors;

/// <content>Risk models, optimisers and allocation engines (besides <see cref="NonFiniteValue"/>, <see cref="InsufficientData"/> and <see cref="ShapeMismatch"/>).</content>
public static partial class ErrorCodes
{
    /// <summary>An asset whose variance is zero (a constant series).</summary>
    public static readonly ErrorCode ZeroVariance = new("allocation.zero_variance", ErrorCategory.InvalidInput);

    /// <summary>A covariance matrix that is not symmetric: the estimators build symmetric ones, so this is a platform fault.</summary>
    public static readonly ErrorCode NotSymmetric = new("allocation.not_symmetric", ErrorCategory.Internal);

    /// <summary>A covariance matrix with a negative eigenvalue.</summary>
    public static readonly ErrorCode NotPositiveSemidefinite = new("allocation.not_positive_semidefinite", ErrorCategory.InvalidInput);

    /// <summary>Constraints that no weight vector can satisfy (e.g. max weight × N &lt; 1).</summary>
    public static readonly ErrorCode InfeasibleConstraints = new("allocation.infeasible_constraints", ErrorCategory.InvalidInput);

    /// <summary>An option value outside its valid range, or an unknown engine or option name.</summary>
    public static readonly ErrorCode InvalidOption = new("allocation.invalid_option", ErrorCategory.InvalidInput);
}
