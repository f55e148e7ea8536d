namespace QuantFunctions.Core.Selection;

/// <summary>The v5 trend reading of one asset.</summary>
/// <param name="Gap">source / SMA200 − 1 at the decision (NaN with too little history).</param>
/// <param name="Regime">Bull (long) or bear (short) beyond the threshold band.</param>
/// <param name="Cross">A golden (long) or death (short) VWMA(20) × SMA(200) cross within the recency window.</param>
public readonly record struct TrendSignal(double Gap, bool Regime, bool Cross);
