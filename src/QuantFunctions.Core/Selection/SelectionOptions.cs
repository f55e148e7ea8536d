using System.Globalization;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Selection;

/// <summary>
/// A sleeve's selection: the scoring standard and its options, the vetoes' thresholds, clustering and the HTR v3.4
/// floor. JSON (manifest) names are snake_case; every default is the seeds' value where they give one
/// (docs/selection.md lists each with its source).
/// </summary>
public sealed record SelectionOptions
{
    /// <summary>The scoring standard: <c>v2.1</c> (CARS), <c>v3.2</c> (Log-MPS), <c>v4</c> (percentile), <c>v5</c> (trend), <c>v5.1</c> (ADX/Donchian); every standard runs under HTR v3.4.</summary>
    /// <value><c>v4</c> (the seeds' default: HTR v3.4 over the v4 percentile filter).</value>
    public string Standard { get; init; } = SelectionStandards.V4;

    /// <summary>Rows of the momentum window (the alpha factor of v2.1, v3.2 and v4).</summary>
    /// <value>60.</value>
    public int Lookback { get; init; } = 60;

    /// <summary>Rows the Foundation Gate and the clustering read (the last rows up to the as-of).</summary>
    /// <value>252.</value>
    public int History { get; init; } = 252;

    /// <summary>v2.1: how each factor is normalised before the rank-sum: <c>rank</c>, <c>zscore</c> or <c>logistic</c>.</summary>
    /// <value><c>rank</c>.</value>
    public string Normalization { get; init; } = FactorNormalization.Rank;

    /// <summary>v4: the share of scored candidates that qualifies (long: the top by momentum, short: the bottom).</summary>
    /// <value>0.3.</value>
    public double Percentile { get; init; } = 0.3;

    /// <summary>v5: the regime band around SMA(200): bull when source &gt; SMA200·(1 + threshold), bear when &lt; SMA200·(1 − threshold).</summary>
    /// <value>0.005 (0.5 %).</value>
    public double TrendThreshold { get; init; } = 0.005;

    /// <summary>v5: the price the regime compares with SMA(200): <c>close</c>, <c>sma50</c> or <c>vwma</c>.</summary>
    /// <value><c>close</c>.</value>
    public string RegimeSource { get; init; } = TrendSources.Close;

    /// <summary>v5: the VWMA(20) × SMA(200) cross must lie within this many bars; 0 drops the signal-recency condition.</summary>
    /// <value>5.</value>
    public int CrossWithin { get; init; } = 5;

    /// <summary>v5.1: ADX must exceed this.</summary>
    /// <value>25.</value>
    public double AdxThreshold { get; init; } = 25;

    /// <summary>v5.1: the close must lie within this share of the Donchian channel width from the upper (long) or lower (short) band.</summary>
    /// <value>0.1.</value>
    public double BreakoutNear { get; init; } = 0.1;

    /// <summary>Permutation-entropy veto: above this an asset is noise; null = 0.999 for crypto (24×7, ≥ 365 periods a year), 0.995 otherwise.</summary>
    public double? EntropyMax { get; init; }

    /// <summary>Hurst veto: an asset with |H − 0.5| below this is a random walk (no predictability); 0 disables it.</summary>
    /// <value>0.02.</value>
    public double HurstBand { get; init; } = 0.02;

    /// <summary>Efficiency-ratio veto: below this the path is noise; 0 disables it.</summary>
    /// <value>0.05.</value>
    public double EfficiencyMin { get; init; } = 0.05;

    /// <summary>Kurtosis veto: excess kurtosis above this (fat tails).</summary>
    /// <value>20.</value>
    public double KurtosisMax { get; init; } = 20;

    /// <summary>Volatility veto: annualised realised volatility above this.</summary>
    /// <value>2.5.</value>
    public double VolatilityMax { get; init; } = 2.5;

    /// <summary>ROC veto, upper bound (percent).</summary>
    /// <value>100.</value>
    public double RocMax { get; init; } = 100;

    /// <summary>ROC veto, lower bound (percent).</summary>
    /// <value>−80.</value>
    public double RocMin { get; init; } = -80;

    /// <summary>Friction veto: Roll's effective-spread estimate (a fraction of price) above this.</summary>
    /// <value>0.02 (200 bps).</value>
    public double FrictionMax { get; init; } = 0.02;

    /// <summary>Foundation Gate: an asset missing more than this share of the union calendar's rows is dropped.</summary>
    /// <value>0.10.</value>
    public double MaxGapFraction { get; init; } = 0.10;

    /// <summary>Foundation Gate: an asset with any |r| above this is toxic and dropped.</summary>
    /// <value>5.0 (500 %).</value>
    public double ToxicReturn { get; init; } = 5.0;

    /// <summary>At most this many Ward clusters of raw returns.</summary>
    /// <value>25 (CR-650).</value>
    public int MaxClusters { get; init; } = 25;

    /// <summary>Strict and Spectral stages take at most this many winners per cluster.</summary>
    /// <value>5.</value>
    public int MaxPerCluster { get; init; } = 5;

    /// <summary>HTR relaxes stage by stage until at least this many winners.</summary>
    /// <value>15.</value>
    public int Floor { get; init; } = 15;

    /// <summary>At most this many winners (best score first).</summary>
    /// <value>25.</value>
    public int MaxWinners { get; init; } = 25;

    /// <summary>The entropy veto threshold for a sleeve annualised with <paramref name="periodsPerYear"/>.</summary>
    public double EntropyThreshold(int periodsPerYear) => EntropyMax ?? (periodsPerYear >= 365 ? 0.999 : 0.995);

    /// <summary>Checks every option.</summary>
    /// <param name="owner">Named in the message (e.g. the sleeve).</param>
    /// <exception cref="SelectionException"><see cref="ErrorCodes.InvalidSelectionOption"/>, naming the option and the allowed values.</exception>
    public void Validate(string owner)
    {
        Require(SelectionStandards.IsKnown(Standard), owner, $"standard must be one of {string.Join(", ", SelectionStandards.All)} (got '{Standard}')");
        Require(Lookback is >= 5 and <= 5000, owner, $"lookback must be in 5..5000 (got {Lookback})");
        Require(History is >= 20 and <= 10000, owner, $"history must be in 20..10000 (got {History})");
        Require(FactorNormalization.IsKnown(Normalization), owner, $"normalization must be one of {string.Join(", ", FactorNormalization.All)} (got '{Normalization}')");
        Require(Percentile is > 0 and <= 1, owner, $"percentile must be in (0, 1] (got {Format(Percentile)})");
        Require(TrendThreshold is >= 0 and < 1, owner, $"trend_threshold must be in [0, 1) (got {Format(TrendThreshold)})");
        Require(TrendSources.IsKnown(RegimeSource), owner, $"regime_source must be one of {string.Join(", ", TrendSources.All)} (got '{RegimeSource}')");
        Require(CrossWithin is >= 0 and <= 250, owner, $"cross_within must be in 0..250 (got {CrossWithin})");
        Require(AdxThreshold is >= 0 and <= 100, owner, $"adx_threshold must be in 0..100 (got {Format(AdxThreshold)})");
        Require(BreakoutNear is > 0 and <= 1, owner, $"breakout_near must be in (0, 1] (got {Format(BreakoutNear)})");
        Require(EntropyMax is null or (> 0 and <= 1), owner, $"entropy_max must be in (0, 1] (got {Format(EntropyMax ?? 0)})");
        Require(HurstBand is >= 0 and < 0.5, owner, $"hurst_band must be in [0, 0.5) (got {Format(HurstBand)})");
        Require(EfficiencyMin is >= 0 and < 1, owner, $"efficiency_min must be in [0, 1) (got {Format(EfficiencyMin)})");
        Require(KurtosisMax > 0 && VolatilityMax > 0 && FrictionMax > 0, owner, "kurtosis_max, volatility_max and friction_max must be > 0");
        Require(RocMin < RocMax && RocMin >= -100, owner, $"need -100 ≤ roc_min < roc_max (got {Format(RocMin)}, {Format(RocMax)})");
        Require(MaxGapFraction is >= 0 and < 1, owner, $"max_gap_fraction must be in [0, 1) (got {Format(MaxGapFraction)})");
        Require(ToxicReturn > 0, owner, $"toxic_return must be > 0 (got {Format(ToxicReturn)})");
        Require(MaxClusters is >= 1 and <= 500, owner, $"max_clusters must be in 1..500 (got {MaxClusters})");
        Require(MaxPerCluster is >= 1 and <= 1000, owner, $"max_per_cluster must be in 1..1000 (got {MaxPerCluster})");
        Require(Floor is >= 1 and <= 1000 && MaxWinners >= Floor && MaxWinners <= 1000, owner, $"need 1 ≤ floor ≤ max_winners ≤ 1000 (got {Floor}, {MaxWinners})");
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Require(bool condition, string owner, string message)
    {
        if (!condition)
        {
            throw new SelectionException(ErrorCodes.InvalidSelectionOption, $"Selection of '{owner}': {message}.");
        }
    }
}
