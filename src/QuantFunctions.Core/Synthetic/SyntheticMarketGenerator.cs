using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Synthetic;

/// <summary>
/// Seeded, deterministic synthetic daily OHLCV for several markets with factor structure,
/// volatility clustering, fat tails, a crisis regime, listings, delistings, gaps, toxic prints and
/// stale symbols. Pure: no I/O, no clock; the same options give identical arrays bit for bit.
/// </summary>
/// <remarks>
/// Each market draws from its own seed (derived from <see cref="SyntheticMarketOptions.Seed"/> and the
/// market index), each factor and asset from a seed derived from the market's, so adding an asset or a
/// market does not change the others. Log returns follow <see cref="SyntheticMarketSpec"/>; during the
/// crisis the factor shocks are multiplied by <see cref="SyntheticMarketOptions.CrisisVolatilityMultiplier"/>
/// and the market drift becomes <see cref="SyntheticMarketOptions.CrisisAnnualDrift"/>. Daily log returns
/// are clamped to ±0.9 so only injected toxic prints exceed a 500% move. Bars: open = previous close ×
/// e^(η), η ~ N(0, (σ/4)²); high = max(open, close) × e^(|N|σ/2); low = min(open, close) × e^(−|N|σ/2);
/// volume = base × e^(0.4N + 0.3|r|/σ).
/// </remarks>
public static class SyntheticMarketGenerator
{
    private const double MaxAbsLogReturn = 0.9;

    /// <summary>Generates the markets.</summary>
    /// <param name="options">The options (validated first).</param>
    /// <returns>Metadata, bars and injected events.</returns>
    /// <exception cref="DomainValidationException">When the options are invalid.</exception>
    public static SyntheticMarket Generate(SyntheticMarketOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var assets = new List<AssetInfo>();
        var bars = new List<BarSeries>();
        var events = new List<SyntheticEvent>();
        for (int m = 0; m < options.Markets.Count; m++)
        {
            GenerateMarket(options, options.Markets[m], SeededSampler.DeriveSeed(options.Seed, m), assets, bars, events);
        }

        return new SyntheticMarket(assets, bars, events);
    }

    private static void GenerateMarket(SyntheticMarketOptions options, SyntheticMarketSpec spec, int seed, List<AssetInfo> assets, List<BarSeries> bars, List<SyntheticEvent> events)
    {
        TradingCalendar calendar = ExchangeCalendars.Resolve(spec.CalendarId);
        DateOnly[] sessions = calendar.Sessions(options.Start, options.End);
        int n = sessions.Length;
        double sqrtP = Math.Sqrt(spec.PeriodsPerYear);
        DateOnly crisisStart = options.Start.AddDays(options.CrisisStartDay), crisisEnd = crisisStart.AddDays(options.CrisisDays);
        double[] shockScale = new double[n];
        double[] drift = new double[n];
        int crisisSessions = 0;
        for (int t = 0; t < n; t++)
        {
            bool inCrisis = sessions[t] >= crisisStart && sessions[t] < crisisEnd;
            crisisSessions += inCrisis ? 1 : 0;
            shockScale[t] = inCrisis ? options.CrisisVolatilityMultiplier : 1.0;
            drift[t] = (inCrisis ? options.CrisisAnnualDrift : spec.AnnualDrift) / spec.PeriodsPerYear;
        }

        if (crisisSessions > 0)
        {
            events.Add(new SyntheticEvent(spec.Exchange, SyntheticEventKind.Crisis, calendar.IsSession(crisisStart) ? crisisStart : calendar.NextSession(crisisStart), crisisSessions));
        }

        double[] market = new double[n];
        GarchPath.Fill(new SeededSampler(SeededSampler.DeriveSeed(seed, 0)), spec.MarketVolatility / sqrtP, options.GarchAlpha, options.GarchBeta, options.DegreesOfFreedom, market);
        double[][] sectors = new double[spec.Sectors.Count][];
        for (int s = 0; s < sectors.Length; s++)
        {
            sectors[s] = new double[n];
            GarchPath.Fill(new SeededSampler(SeededSampler.DeriveSeed(seed, 1000 + s)), spec.SectorVolatility / sqrtP, options.GarchAlpha, options.GarchBeta, options.DegreesOfFreedom, sectors[s]);
        }

        var picker = new SeededSampler(SeededSampler.DeriveSeed(seed, 999_999));
        int special = options.ListingsPerMarket + options.DelistingsPerMarket + options.GapsPerMarket + options.ToxicPrintsPerMarket + options.StaleSymbolsPerMarket;
        int[] chosen = picker.Distinct(spec.AssetCount, special);
        var role = new SyntheticEventKind?[spec.AssetCount];
        int next = 0;
        Assign(role, chosen, ref next, options.ListingsPerMarket, SyntheticEventKind.Listing);
        Assign(role, chosen, ref next, options.DelistingsPerMarket, SyntheticEventKind.Delisting);
        Assign(role, chosen, ref next, options.GapsPerMarket, SyntheticEventKind.Gap);
        Assign(role, chosen, ref next, options.ToxicPrintsPerMarket, SyntheticEventKind.ToxicPrint);
        Assign(role, chosen, ref next, options.StaleSymbolsPerMarket, SyntheticEventKind.Stale);

        var path = new AssetPathBuffers(n);
        int gapOrdinal = 0;
        for (int i = 0; i < spec.AssetCount; i++)
        {
            var symbol = Symbol.Create(spec.Exchange, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{spec.TickerPrefix}{i + 1:D3}{spec.TickerSuffix}"));
            int sector = i % spec.Sectors.Count;
            var sampler = new SeededSampler(SeededSampler.DeriveSeed(seed, i + 1));
            path.Simulate(sampler, spec, options, market, sectors[sector], shockScale, drift, MaxAbsLogReturn);
            int first = 0, last = n - 1, holeStart = -1, holeLength = 0;
            DateOnly? delisted = null;
            switch (role[i])
            {
                case SyntheticEventKind.Listing:
                    first = n / 10 + sampler.Next(Math.Max(1, n / 4));
                    events.Add(new SyntheticEvent(symbol.Value, SyntheticEventKind.Listing, sessions[first], first));
                    break;
                case SyntheticEventKind.Delisting:
                    last = (2 * n / 3) + sampler.Next(Math.Max(1, n / 4));
                    delisted = sessions[last];
                    events.Add(new SyntheticEvent(symbol.Value, SyntheticEventKind.Delisting, sessions[last], n - 1 - last));
                    break;
                case SyntheticEventKind.Gap:
                    holeLength = gapOrdinal++ % 2 == 0 ? 1 : 3;
                    holeStart = (n / 5) + sampler.Next(Math.Max(1, 3 * n / 5));
                    events.Add(new SyntheticEvent(symbol.Value, SyntheticEventKind.Gap, sessions[holeStart], holeLength));
                    break;
                case SyntheticEventKind.ToxicPrint:
                    int x = (n / 5) + sampler.Next(Math.Max(1, 3 * n / 5));
                    path.InjectToxicPrint(x, options.ToxicPrintFactor);
                    events.Add(new SyntheticEvent(symbol.Value, SyntheticEventKind.ToxicPrint, sessions[x], 1));
                    break;
                case SyntheticEventKind.Stale:
                    DateOnly staleFrom = options.End.AddDays(-options.StaleDays + 1);
                    while (last > 0 && sessions[last] >= staleFrom)
                    {
                        last--;
                    }

                    events.Add(new SyntheticEvent(symbol.Value, SyntheticEventKind.Stale, sessions[last], n - 1 - last));
                    break;
                default:
                    break;
            }

            bars.Add(path.ToBars(symbol, sessions, first, last, holeStart, holeLength));
            assets.Add(new AssetInfo(symbol, spec.AssetType, spec.Sectors[sector], spec.CalendarId, sessions[first], delisted));
        }
    }

    private static void Assign(SyntheticEventKind?[] role, int[] chosen, ref int next, int count, SyntheticEventKind kind)
    {
        for (int k = 0; k < count; k++)
        {
            role[chosen[next++]] = kind;
        }
    }
}
