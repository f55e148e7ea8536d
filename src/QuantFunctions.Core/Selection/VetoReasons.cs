namespace QuantFunctions.Core.Selection;

/// <summary>The reason codes recorded per asset by the Foundation Gate and the vetoes (docs/selection.md).</summary>
public static class VetoReasons
{
    /// <summary>Gate: no return in the history window.</summary>
    public const string NoData = "gate.no_data";

    /// <summary>Gate: more than <see cref="SelectionOptions.MaxGapFraction"/> of the union calendar missing.</summary>
    public const string Gaps = "gate.gaps";

    /// <summary>Gate: an infinite return.</summary>
    public const string NonFinite = "gate.non_finite";

    /// <summary>Gate: a return with |r| above <see cref="SelectionOptions.ToxicReturn"/>.</summary>
    public const string Toxic = "gate.toxic";

    /// <summary>A risk feature (kurtosis, volatility, ROC) has no value as of the decision (no store row, or warm-up).</summary>
    public const string FeatureMissing = "feature_missing";

    /// <summary>Short book of a two-book selection: the name is a long winner (<see cref="SelectionEngine.SelectBooks"/>); a hard veto.</summary>
    public const string LongBook = "long_book";

    /// <summary>Too few observations for the standard's windows (e.g. SMA 200).</summary>
    public const string History = "history";

    /// <summary>Excess kurtosis above the maximum.</summary>
    public const string Kurtosis = "kurtosis";

    /// <summary>Annualised volatility above the maximum.</summary>
    public const string Volatility = "volatility";

    /// <summary>ROC outside [roc_min, roc_max].</summary>
    public const string Roc = "roc";

    /// <summary>Roll's spread estimate above the maximum.</summary>
    public const string Friction = "friction";

    /// <summary>Predictability: permutation entropy above the maximum, or not yet measurable (relaxed at Cluster Floor).</summary>
    public const string Entropy = "entropy";

    /// <summary>Predictability: Hurst exponent within the random-walk band, or not yet measurable (relaxed from Spectral).</summary>
    public const string Hurst = "hurst";

    /// <summary>Predictability: efficiency ratio below the minimum, or not yet measurable (relaxed from Spectral).</summary>
    public const string Efficiency = "efficiency";

    /// <summary>Whether a reason is a predictability veto, which HTR relaxes.</summary>
    public static bool IsPredictability(string reason) => reason is Entropy or Hurst or Efficiency;

    /// <summary>Whether a reason is a Foundation Gate drop.</summary>
    public static bool IsGate(string reason) => reason.StartsWith("gate.", StringComparison.Ordinal);
}
