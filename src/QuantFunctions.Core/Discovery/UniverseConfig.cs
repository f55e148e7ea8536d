using System.Globalization;

namespace QuantFunctions.Core.Discovery;

/// <summary>
/// A universe definition: which candidates qualify (asset type, liquidity and volatility floors) and
/// how they are ranked and capped. Validated at construction.
/// </summary>
/// <remarks>
/// Turnover is the candidate's <see cref="Candidate.Volume24h"/> (USD); daily volatility is read from
/// metadata key <see cref="VolatilityKey"/> (a decimal fraction, 0.02 = 2 %). Presets follow seed 000:
/// spot ≥ $10M daily turnover and daily volatility &gt; 1 %; perpetuals ≥ $50M.
/// </remarks>
public sealed record UniverseConfig
{
    /// <summary>Metadata key holding the daily volatility (decimal fraction).</summary>
    public const string VolatilityKey = "daily_volatility";

    private readonly double _minTurnoverUsd;
    private readonly double _minDailyVolatility;
    private readonly int _maxSize = int.MaxValue;

    /// <summary>The universe name (e.g. <c>crypto_spot</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Only candidates of this asset type (lower case); null = any.</summary>
    public string? AssetType { get; init; }

    /// <summary>Minimum 24 h turnover in USD (inclusive); 0 disables the floor.</summary>
    public double MinTurnoverUsd
    {
        get => _minTurnoverUsd;
        init => _minTurnoverUsd = double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MinTurnoverUsd), value, "must be finite and ≥ 0");
    }

    /// <summary>Daily volatility must be strictly above this (decimal fraction); 0 disables the floor.</summary>
    public double MinDailyVolatility
    {
        get => _minDailyVolatility;
        init => _minDailyVolatility = double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MinDailyVolatility), value, "must be finite and ≥ 0");
    }

    /// <summary>The ranking key.</summary>
    public UniverseSortKey SortKey { get; init; } = UniverseSortKey.Volume24h;

    /// <summary>At most this many members after ranking.</summary>
    public int MaxSize
    {
        get => _maxSize;
        init => _maxSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxSize), value, "must be ≥ 1");
    }

    /// <summary>Crypto spot: turnover ≥ $10M and daily volatility &gt; 1 %, ranked by turnover.</summary>
    public static UniverseConfig Spot(string name = "crypto_spot") =>
        new() { Name = name, AssetType = "spot", MinTurnoverUsd = 10_000_000, MinDailyVolatility = 0.01 };

    /// <summary>Perpetual futures: turnover ≥ $50M, ranked by turnover.</summary>
    public static UniverseConfig Perpetual(string name = "crypto_perp") =>
        new() { Name = name, AssetType = "perp", MinTurnoverUsd = 50_000_000 };

    /// <summary>The candidate's daily volatility from metadata, or null when absent or not a number.</summary>
    public static double? DailyVolatility(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return candidate.Metadata.TryGetValue(VolatilityKey, out string? text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : null;
    }
}
