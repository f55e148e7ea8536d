namespace QuantFunctions.Core.Risk;

/// <summary>The covariance estimator of a risk model.</summary>
public enum RiskModelKind
{
    /// <summary>Sample covariance over complete rows (ddof 1).</summary>
    Sample,

    /// <summary>Pairwise-complete sample covariance (pandas convention).</summary>
    SamplePairwise,

    /// <summary>Exponentially weighted covariance.</summary>
    Ewma,

    /// <summary>Ledoit-Wolf shrinkage towards a scaled identity.</summary>
    LedoitWolf,

    /// <summary>Ledoit-Wolf shrinkage towards constant correlation.</summary>
    LedoitWolfConstantCorrelation,
}
