using System.ComponentModel.DataAnnotations;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Stages.DataOps;

/// <summary>Parameters of <c>dataops.synthetic_market</c> (manifest names in snake_case).</summary>
public sealed record SyntheticMarketParameters
{
    /// <summary>Random seed: the same seed gives byte-identical raw and bronze files.</summary>
    [Range(0, int.MaxValue)]
    [Overridable]
    public int Seed { get; init; } = 42;

    /// <summary>First calendar date (yyyy-MM-dd).</summary>
    [RegularExpression(@"^\d{4}-\d{2}-\d{2}$")]
    public string Start { get; init; } = "2022-01-03";

    /// <summary>Calendar days generated from <see cref="Start"/>.</summary>
    [Range(120, 20_000)]
    public int CalendarDays { get; init; } = 730;

    /// <summary>Assets of the 24×7 crypto market (BINANCE, calendar XCRY).</summary>
    [Range(5, 5_000)]
    public int CryptoAssets { get; init; } = 60;

    /// <summary>Assets of the equity market (XNYS, weekends and holidays).</summary>
    [Range(5, 5_000)]
    public int EquityAssets { get; init; } = 60;

    /// <summary>Per market: late listings.</summary>
    [Range(0, 100)]
    public int ListingsPerMarket { get; init; } = 3;

    /// <summary>Per market: delistings.</summary>
    [Range(0, 100)]
    public int DelistingsPerMarket { get; init; } = 2;

    /// <summary>Per market: symbols with missing sessions.</summary>
    [Range(0, 100)]
    public int GapsPerMarket { get; init; } = 4;

    /// <summary>Per market: toxic prints (a close ×7 for one day).</summary>
    [Range(0, 100)]
    public int ToxicPrintsPerMarket { get; init; }

    /// <summary>Per market: stale symbols (bars stop before the end).</summary>
    [Range(0, 100)]
    public int StaleSymbolsPerMarket { get; init; } = 1;
}
