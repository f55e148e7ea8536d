namespace QuantFunctions.Core.Sleeves;

/// <summary>The constraints a sleeve allocated under and where each came from (written to the allocation artifact and the ledger).</summary>
/// <param name="Regime">The regime label whose cap applies (NORMAL, TURBULENT, CRISIS).</param>
/// <param name="RegimeSource"><c>regime</c> (from the sleeve's regime artifact) or <c>default</c> (no artifact in the run: NORMAL).</param>
/// <param name="ClusterCap">The cap per cluster in force.</param>
/// <param name="CapRelaxedFrom">The regime's cap when it was raised to 1/N because fewer atoms than 1/cap exist (long-only); else null.</param>
/// <param name="ClusterCount">K of the Ward cut of the atoms' correlation distance.</param>
/// <param name="MarketNeutral">Whether |wᵀβ| ≤ <paramref name="BetaTolerance"/> applies.</param>
/// <param name="BetaTolerance">The neutrality bound (null when not market-neutral).</param>
/// <param name="Benchmark">The benchmark the betas were estimated against (null when not market-neutral).</param>
/// <param name="Betas">β of each atom (atom id → β; null when not market-neutral).</param>
public sealed record SleeveConstraintNotes(
    string Regime,
    string RegimeSource,
    double ClusterCap,
    double? CapRelaxedFrom,
    int ClusterCount,
    bool MarketNeutral,
    double? BetaTolerance,
    string? Benchmark,
    IReadOnlyDictionary<string, double>? Betas);
