namespace QuantFunctions.Core.Market;

/// <summary>The kind of instrument.</summary>
public enum AssetType
{
    /// <summary>A spot crypto pair traded 24×7.</summary>
    Crypto = 1,

    /// <summary>A listed equity traded in exchange sessions.</summary>
    Equity = 2,
}
