namespace QuantFunctions.Core.Selection;

/// <summary>The four stages of HTR v3.4, in relaxation order (docs/selection.md).</summary>
public enum HtrStage
{
    /// <summary>Every veto, the standard's filter, a per-cluster cap.</summary>
    Strict,

    /// <summary>Predictability relaxed to the spectral (permutation-entropy) veto only.</summary>
    Spectral,

    /// <summary>No predictability veto, no per-cluster cap; each cluster's best healthy candidate joins.</summary>
    ClusterFloor,

    /// <summary>The best remaining healthy candidates by score fill up to the floor.</summary>
    AlphaFallback,
}
