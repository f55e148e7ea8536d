namespace QuantFunctions.Core.Discovery;

/// <summary>The key a universe is ranked by; ties always break on the symbol (ordinal).</summary>
public enum UniverseSortKey
{
    /// <summary>24 h traded value, largest first.</summary>
    Volume24h = 0,

    /// <summary>Market-cap rank, smallest (largest cap) first; unknown ranks last.</summary>
    MarketCapRank = 1,

    /// <summary>Daily volatility, largest first.</summary>
    DailyVolatility = 2,

    /// <summary>Symbol, ordinal.</summary>
    Symbol = 3,
}
