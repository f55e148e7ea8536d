using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Synthetic;

/// <summary>One synthetic market: exchange, calendar, size and volatility structure.</summary>
/// <remarks>
/// Daily log return of asset <c>i</c> in sector <c>s</c>:
/// <c>r = μ + βᵢᴹ·Fᴹ + βᵢˢ·Fˢ + εᵢ</c>, where the market factor <c>Fᴹ</c>, each sector factor
/// <c>Fˢ</c> and each idiosyncratic term <c>εᵢ</c> follow their own GARCH(1,1) with unit-variance
/// Student-t innovations. Volatilities are annualised with <see cref="PeriodsPerYear"/>.
/// </remarks>
public sealed record SyntheticMarketSpec
{
    /// <summary>The exchange prefix of the symbols (e.g. <c>BINANCE</c>, <c>XNYS</c>).</summary>
    public required string Exchange { get; init; }

    /// <summary>The calendar id: <c>XCRY</c> or <c>XNYS</c>.</summary>
    public required string CalendarId { get; init; }

    /// <summary>The asset type of every symbol in the market.</summary>
    public required AssetType AssetType { get; init; }

    /// <summary>The number of assets.</summary>
    public required int AssetCount { get; init; }

    /// <summary>Sector labels; assets are assigned round-robin.</summary>
    public required IReadOnlyList<string> Sectors { get; init; }

    /// <summary>Ticker prefix; tickers are prefix + 3-digit index + <see cref="TickerSuffix"/>.</summary>
    public required string TickerPrefix { get; init; }

    /// <summary>Ticker suffix (e.g. <c>USDT</c>), may be empty.</summary>
    public string TickerSuffix { get; init; } = string.Empty;

    /// <summary>Sessions per year used to convert annual figures to daily ones.</summary>
    public double PeriodsPerYear { get; init; } = 252;

    /// <summary>Annualised volatility of the market factor.</summary>
    public double MarketVolatility { get; init; } = 0.15;

    /// <summary>Annualised volatility of each sector factor.</summary>
    public double SectorVolatility { get; init; } = 0.12;

    /// <summary>Annualised idiosyncratic volatility.</summary>
    public double IdiosyncraticVolatility { get; init; } = 0.25;

    /// <summary>Annualised drift (log) outside the crisis.</summary>
    public double AnnualDrift { get; init; } = 0.06;

    /// <summary>Typical daily volume of an asset (units).</summary>
    public double BaseVolume { get; init; } = 1_000_000;
}
