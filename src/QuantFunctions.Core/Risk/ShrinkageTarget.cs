namespace QuantFunctions.Core.Risk;

/// <summary>The structured target a Ledoit-Wolf estimator shrinks the sample covariance towards.</summary>
public enum ShrinkageTarget
{
    /// <summary>μ·I with μ = tr(S)/N (Ledoit and Wolf 2004, "A well-conditioned estimator…").</summary>
    ScaledIdentity,

    /// <summary>Equal pairwise correlation r̄, sample variances kept (Ledoit and Wolf 2004, "Honey, I shrunk…").</summary>
    ConstantCorrelation,
}
