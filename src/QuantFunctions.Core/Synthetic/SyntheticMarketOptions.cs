using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Synthetic;

/// <summary>
/// Options of <see cref="SyntheticMarketGenerator"/>. The defaults give the demo universe: a 24×7
/// crypto market (60 assets) and an XNYS-like equity market (60 assets) over two calendar years,
/// with a crisis, a few listings, delistings and gaps, one toxic print and one stale symbol per market.
/// </summary>
public sealed record SyntheticMarketOptions
{
    /// <summary>The seed; the same options give identical output bit for bit.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The first calendar date.</summary>
    public DateOnly Start { get; init; } = new(2022, 1, 3);

    /// <summary>The number of calendar days (the last date is <c>Start + CalendarDays − 1</c>).</summary>
    public int CalendarDays { get; init; } = 730;

    /// <summary>The markets.</summary>
    public IReadOnlyList<SyntheticMarketSpec> Markets { get; init; } = DefaultMarkets(60, 60);

    /// <summary>Degrees of freedom of the Student-t innovations (integer, &gt; 2; 5 by default).</summary>
    public int DegreesOfFreedom { get; init; } = 5;

    /// <summary>GARCH(1,1) ARCH coefficient α.</summary>
    public double GarchAlpha { get; init; } = 0.08;

    /// <summary>GARCH(1,1) GARCH coefficient β (α + β &lt; 1).</summary>
    public double GarchBeta { get; init; } = 0.90;

    /// <summary>The first date of the crisis regime, as an offset in calendar days from <see cref="Start"/>.</summary>
    public int CrisisStartDay { get; init; } = 420;

    /// <summary>The crisis length in calendar days (0 disables the crisis).</summary>
    public int CrisisDays { get; init; } = 60;

    /// <summary>Factor volatility multiplier during the crisis.</summary>
    public double CrisisVolatilityMultiplier { get; init; } = 2.5;

    /// <summary>Annualised market drift (log) during the crisis.</summary>
    public double CrisisAnnualDrift { get; init; } = -1.5;

    /// <summary>Per market: assets that list late (start after the first session).</summary>
    public int ListingsPerMarket { get; init; } = 3;

    /// <summary>Per market: assets delisted before the end (with a delisting date in the metadata).</summary>
    public int DelistingsPerMarket { get; init; } = 2;

    /// <summary>Per market: assets with holes (alternately 1 session, tolerated, and 3 sessions, a gap).</summary>
    public int GapsPerMarket { get; init; } = 4;

    /// <summary>Per market: toxic prints (one close multiplied by <see cref="ToxicPrintFactor"/>, next day back).</summary>
    public int ToxicPrintsPerMarket { get; init; } = 1;

    /// <summary>The toxic print's price multiplier (7 → a +600% daily return).</summary>
    public double ToxicPrintFactor { get; init; } = 7.0;

    /// <summary>Per market: stale symbols (bars stop <see cref="StaleDays"/> calendar days before the end, no delisting recorded).</summary>
    public int StaleSymbolsPerMarket { get; init; } = 1;

    /// <summary>How many calendar days before the end a stale symbol's bars stop.</summary>
    public int StaleDays { get; init; } = 20;

    /// <summary>The last calendar date.</summary>
    public DateOnly End => Start.AddDays(CalendarDays - 1);

    /// <summary>The default two markets.</summary>
    /// <param name="cryptoAssets">Assets in the crypto market.</param>
    /// <param name="equityAssets">Assets in the equity market.</param>
    /// <returns>The market specs.</returns>
    public static IReadOnlyList<SyntheticMarketSpec> DefaultMarkets(int cryptoAssets, int equityAssets) =>
    [
        new SyntheticMarketSpec
        {
            Exchange = "BINANCE", CalendarId = ExchangeCalendars.CryptoId, AssetType = AssetType.Crypto, AssetCount = cryptoAssets,
            Sectors = ["layer1", "defi", "exchange", "infrastructure", "meme"], TickerPrefix = "CRY", TickerSuffix = "USDT",
            PeriodsPerYear = 365, MarketVolatility = 0.55, SectorVolatility = 0.35, IdiosyncraticVolatility = 0.50, AnnualDrift = 0.10,
            BaseVolume = 5_000_000,
        },
        new SyntheticMarketSpec
        {
            Exchange = "XNYS", CalendarId = ExchangeCalendars.NyseId, AssetType = AssetType.Equity, AssetCount = equityAssets,
            Sectors = ["technology", "financials", "energy", "healthcare", "consumer"], TickerPrefix = "EQ",
            PeriodsPerYear = 252, MarketVolatility = 0.16, SectorVolatility = 0.12, IdiosyncraticVolatility = 0.25, AnnualDrift = 0.06,
            BaseVolume = 1_000_000,
        },
    ];

    /// <summary>Checks every option; called by the generator before any work.</summary>
    /// <exception cref="DomainValidationException">Naming the option and the constraint.</exception>
    public void Validate()
    {
        Require(CalendarDays >= 30, $"CalendarDays must be ≥ 30 (got {CalendarDays}).");
        Require(Markets is { Count: > 0 }, "Markets must hold at least one market.");
        Require(DegreesOfFreedom is > 2 and <= 200, $"DegreesOfFreedom must be in 3..200 (got {DegreesOfFreedom}).");
        Require(GarchAlpha >= 0 && GarchBeta >= 0 && GarchAlpha + GarchBeta < 1, $"GARCH needs α, β ≥ 0 and α + β < 1 (got {GarchAlpha}, {GarchBeta}).");
        Require(CrisisDays >= 0 && CrisisStartDay >= 0, "CrisisStartDay and CrisisDays must be ≥ 0.");
        Require(CrisisVolatilityMultiplier > 0, "CrisisVolatilityMultiplier must be > 0.");
        Require(ToxicPrintFactor > 0, "ToxicPrintFactor must be > 0.");
        Require(StaleDays >= 1 && StaleDays < CalendarDays / 4, $"StaleDays must be in 1..{(CalendarDays / 4) - 1}.");
        var exchanges = new HashSet<string>(StringComparer.Ordinal);
        foreach (SyntheticMarketSpec m in Markets)
        {
            string at = $"market {m.Exchange}";
            Require(exchanges.Add(m.Exchange), $"{at}: the exchange appears twice.");
            Require(Symbol.TryParse(m.Exchange + ":" + m.TickerPrefix + "000" + m.TickerSuffix, out _), $"{at}: exchange, prefix or suffix make invalid symbols.");
            Require(ExchangeCalendars.IsBuiltIn(m.CalendarId), $"{at}: unknown calendar '{m.CalendarId}' (built-in: {string.Join(", ", ExchangeCalendars.BuiltInIds)}).");
            if (ExchangeCalendars.IsBuiltIn(m.CalendarId))
            {
                TradingCalendar calendar = ExchangeCalendars.Resolve(m.CalendarId);
                Require(Start >= calendar.FirstDate && End <= calendar.LastDate, $"{at}: {Start:yyyy-MM-dd}..{End:yyyy-MM-dd} is outside the coverage of calendar {calendar.Id} ({calendar.FirstDate:yyyy-MM-dd}..{calendar.LastDate:yyyy-MM-dd}).");
            }
            Require(m.AssetCount is >= 1 and <= 999, $"{at}: AssetCount must be in 1..999 (got {m.AssetCount}).");
            Require(m.Sectors is { Count: > 0 }, $"{at}: at least one sector is required.");
            Require(m.PeriodsPerYear > 0 && m.MarketVolatility >= 0 && m.SectorVolatility >= 0 && m.IdiosyncraticVolatility > 0 && m.BaseVolume > 0,
                $"{at}: volatilities and volume must be positive.");
            int special = ListingsPerMarket + DelistingsPerMarket + GapsPerMarket + ToxicPrintsPerMarket + StaleSymbolsPerMarket;
            Require(ListingsPerMarket >= 0 && DelistingsPerMarket >= 0 && GapsPerMarket >= 0 && ToxicPrintsPerMarket >= 0 && StaleSymbolsPerMarket >= 0,
                $"{at}: event counts must be ≥ 0.");
            Require(special <= m.AssetCount, $"{at}: {special} special assets (listings + delistings + gaps + toxic + stale) exceed {m.AssetCount} assets.");
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new DomainValidationException(ErrorCodes.InvalidInput, "Synthetic market options: " + message);
        }
    }
}
