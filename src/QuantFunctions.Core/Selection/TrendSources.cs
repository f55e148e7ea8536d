namespace QuantFunctions.Core.Selection;

/// <summary>The v5 <c>regime_source</c> values: the price compared with SMA(200).</summary>
public static class TrendSources
{
    /// <summary>The price proxy itself.</summary>
    public const string Close = "close";

    /// <summary>SMA(50) of the price proxy (smoother, fewer whipsaws).</summary>
    public const string Sma50 = "sma50";

    /// <summary>VWMA(20) from the feature store, on the price proxy's scale.</summary>
    public const string Vwma = "vwma";

    /// <summary>Every source.</summary>
    public static IReadOnlyList<string> All { get; } = [Close, Sma50, Vwma];

    /// <summary>Whether <paramref name="name"/> is a source.</summary>
    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);
}
