namespace QuantFunctions.Core.Discovery;

/// <summary>
/// A canonical discovery candidate (seed 000 §8): <c>symbol</c> is <c>EXCHANGE:SYMBOL</c> in upper case,
/// <c>exchange</c> is its prefix, <c>identity</c> equals the symbol, <c>direction</c> is <c>LONG</c> or
/// <c>SHORT</c>. Build through <see cref="CandidateNormalizer"/>, which enforces the contract.
/// </summary>
public sealed record Candidate
{
    /// <summary>The canonical symbol, <c>EXCHANGE:SYMBOL</c>.</summary>
    public required string Symbol { get; init; }

    /// <summary>The exchange (the symbol's prefix).</summary>
    public required string Exchange { get; init; }

    /// <summary>The asset type, lower case (e.g. <c>spot</c>, <c>perp</c>, <c>equity</c>).</summary>
    public required string AssetType { get; init; }

    /// <summary>The identity key: equal to <see cref="Symbol"/>.</summary>
    public string Identity => Symbol;

    /// <summary><c>LONG</c> or <c>SHORT</c>.</summary>
    public required string Direction { get; init; }

    /// <summary>Metadata, keys in ordinal order.</summary>
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>Market-cap rank (1 = largest), when known.</summary>
    public int? MarketCapRank { get; init; }

    /// <summary>24-hour traded value (USD), when known.</summary>
    public double? Volume24h { get; init; }

    /// <summary>Sector, when known.</summary>
    public string? Sector { get; init; }

    /// <summary>Industry, when known.</summary>
    public string? Industry { get; init; }
}
