namespace QuantFunctions.Core.Discovery;

/// <summary>
/// A discovery record as a provider returns it, before normalisation to the canonical
/// <see cref="Candidate"/> schema: fields may be missing, mis-cased or inconsistent.
/// </summary>
public sealed record CandidateRecord
{
    /// <summary>The symbol, expected as <c>EXCHANGE:SYMBOL</c> (a bare ticker is accepted when <see cref="Exchange"/> is set).</summary>
    public string? Symbol { get; init; }

    /// <summary>The exchange; when set it must equal the symbol's prefix (case-insensitive).</summary>
    public string? Exchange { get; init; }

    /// <summary>The asset type (e.g. <c>spot</c>, <c>perp</c>, <c>equity</c>); required.</summary>
    public string? AssetType { get; init; }

    /// <summary>LONG or SHORT in any case; defaults to LONG when absent.</summary>
    public string? Direction { get; init; }

    /// <summary>Free-form metadata (string values).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Market-cap rank (1 = largest), when known.</summary>
    public int? MarketCapRank { get; init; }

    /// <summary>24-hour traded value in quote currency (USD), when known.</summary>
    public double? Volume24h { get; init; }

    /// <summary>Sector, when known.</summary>
    public string? Sector { get; init; }

    /// <summary>Industry, when known.</summary>
    public string? Industry { get; init; }
}
