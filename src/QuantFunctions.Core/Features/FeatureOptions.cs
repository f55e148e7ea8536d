namespace QuantFunctions.Core.Features;

/// <summary>Windows and parameters of the silver feature catalogue.</summary>
/// <remarks>Validated by <see cref="Validate"/>, which <see cref="FeatureSet"/> calls at construction.</remarks>
public sealed record FeatureOptions
{
    /// <summary>SMA window.</summary>
    /// <value>20.</value>
    public int SmaWindow { get; init; } = 20;

    /// <summary>EMA window.</summary>
    /// <value>20.</value>
    public int EmaWindow { get; init; } = 20;

    /// <summary>VWMA window.</summary>
    /// <value>20.</value>
    public int VwmaWindow { get; init; } = 20;

    /// <summary>RSI period.</summary>
    /// <value>14 (Wilder).</value>
    public int RsiPeriod { get; init; } = 14;

    /// <summary>DMI/ADX period.</summary>
    /// <value>14 (Wilder).</value>
    public int AdxPeriod { get; init; } = 14;

    /// <summary>Donchian window.</summary>
    /// <value>20.</value>
    public int DonchianWindow { get; init; } = 20;

    /// <summary>ROC look-back.</summary>
    /// <value>10.</value>
    public int RocPeriod { get; init; } = 10;

    /// <summary>Realised-volatility window (log returns).</summary>
    /// <value>20.</value>
    public int VolatilityWindow { get; init; } = 20;

    /// <summary>Periods per year used to annualise volatility.</summary>
    /// <value>252 (equity sessions; use 365 for 24×7 crypto).</value>
    public double PeriodsPerYear { get; init; } = 252;

    /// <summary>Skewness and kurtosis window (log returns).</summary>
    /// <value>60.</value>
    public int MomentsWindow { get; init; } = 60;

    /// <summary>CVaR window (simple returns).</summary>
    /// <value>60.</value>
    public int CvarWindow { get; init; } = 60;

    /// <summary>CVaR confidence level in (0, 1).</summary>
    /// <value>0.95.</value>
    public double CvarLevel { get; init; } = 0.95;

    /// <summary>Permutation-entropy order (embedding dimension).</summary>
    /// <value>3.</value>
    public int EntropyOrder { get; init; } = 3;

    /// <summary>Permutation-entropy delay.</summary>
    /// <value>1.</value>
    public int EntropyDelay { get; init; } = 1;

    /// <summary>Permutation-entropy window (number of patterns).</summary>
    /// <value>100.</value>
    public int EntropyWindow { get; init; } = 100;

    /// <summary>Hurst window (log returns).</summary>
    /// <value>256 (scales 8..128).</value>
    public int HurstWindow { get; init; } = 256;

    /// <summary>Smallest R/S block size.</summary>
    /// <value>8.</value>
    public int HurstMinScale { get; init; } = 8;

    /// <summary>Kaufman efficiency-ratio look-back.</summary>
    /// <value>10.</value>
    public int EfficiencyWindow { get; init; } = 10;

    /// <summary>MA lengths voting in the MA rating (one SMA and one EMA each).</summary>
    /// <value>10, 20, 30, 50, 100, 200.</value>
    public IReadOnlyList<int> RatingMaLengths { get; init; } = [10, 20, 30, 50, 100, 200];

    /// <summary>Symbols computed in parallel by <see cref="FeatureSet.ComputeMany"/>; results do not depend on it.</summary>
    /// <value>1 (single thread).</value>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>Checks every parameter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(SmaWindow, 1, nameof(SmaWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(EmaWindow, 1, nameof(EmaWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(VwmaWindow, 1, nameof(VwmaWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(RsiPeriod, 1, nameof(RsiPeriod));
        ArgumentOutOfRangeException.ThrowIfLessThan(AdxPeriod, 1, nameof(AdxPeriod));
        ArgumentOutOfRangeException.ThrowIfLessThan(DonchianWindow, 1, nameof(DonchianWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(RocPeriod, 1, nameof(RocPeriod));
        ArgumentOutOfRangeException.ThrowIfLessThan(VolatilityWindow, 2, nameof(VolatilityWindow));
        if (!(PeriodsPerYear > 0 && double.IsFinite(PeriodsPerYear)))
        {
            throw new ArgumentOutOfRangeException(nameof(PeriodsPerYear), PeriodsPerYear, "Must be finite and positive.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MomentsWindow, 3, nameof(MomentsWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(CvarWindow, 1, nameof(CvarWindow));
        if (!(CvarLevel > 0 && CvarLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(CvarLevel), CvarLevel, "Must lie strictly between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(EntropyOrder, 2, nameof(EntropyOrder));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(EntropyOrder, PermutationEntropy.MaxOrder, nameof(EntropyOrder));
        ArgumentOutOfRangeException.ThrowIfLessThan(EntropyDelay, 1, nameof(EntropyDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(EntropyWindow, 1, nameof(EntropyWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(HurstMinScale, 4, nameof(HurstMinScale));
        ArgumentOutOfRangeException.ThrowIfLessThan(HurstWindow, (4 * HurstMinScale) - 1, nameof(HurstWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(EfficiencyWindow, 1, nameof(EfficiencyWindow));
        ArgumentNullException.ThrowIfNull(RatingMaLengths);
        ArgumentOutOfRangeException.ThrowIfZero(RatingMaLengths.Count, nameof(RatingMaLengths));
        foreach (int length in RatingMaLengths)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(length, 1, nameof(RatingMaLengths));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDegreeOfParallelism, 1, nameof(MaxDegreeOfParallelism));
    }
}
