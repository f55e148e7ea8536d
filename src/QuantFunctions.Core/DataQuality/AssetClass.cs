namespace QuantFunctions.Core.DataQuality;

/// <summary>Asset class, which selects the freshness threshold.</summary>
public enum AssetClass
{
    /// <summary>24×7 crypto markets.</summary>
    Crypto,

    /// <summary>Session-based equity and ETF markets.</summary>
    Equity,
}
