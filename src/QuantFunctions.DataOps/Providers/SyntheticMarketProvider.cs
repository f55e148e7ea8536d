using System.Globalization;
using System.Text;
using QuantFunctions.Core.Discovery;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Synthetic;
using QuantFunctions.Lake.Paths;

namespace QuantFunctions.DataOps.Providers;

/// <summary>
/// A provider over a seeded <see cref="SyntheticMarket"/>: discovery lists its assets (crypto as
/// <c>spot</c>, equities as <c>equity</c>) with 30-day turnover and daily volatility; fetches return
/// the generated bars, including the injected stale symbols, delistings, gaps and toxic prints, which
/// are exposed by kind so tests and health rules know what to expect.
/// </summary>
public sealed class SyntheticMarketProvider : IMarketDataProvider
{
    private const int MetricWindow = 30;
    private readonly Dictionary<string, BarSeries> _bars = new(StringComparer.Ordinal);

    /// <summary>Wraps an already generated market.</summary>
    public SyntheticMarketProvider(SyntheticMarket market)
    {
        ArgumentNullException.ThrowIfNull(market);
        Market = market;
        foreach (BarSeries s in market.Bars)
        {
            _bars.Add(s.Symbol.Value, s);
        }
    }

    /// <summary>Generates the market from <paramref name="options"/> (same seed, same market).</summary>
    public SyntheticMarketProvider(SyntheticMarketOptions options)
        : this(SyntheticMarketGenerator.Generate(options))
    {
    }

    /// <inheritdoc/>
    public string Name => "synthetic";

    /// <summary>The wrapped market.</summary>
    public SyntheticMarket Market { get; }

    /// <summary>Symbols whose bars stop early without a delisting.</summary>
    public IReadOnlyList<string> StaleSymbols => Subjects(SyntheticEventKind.Stale);

    /// <summary>Delisted symbols.</summary>
    public IReadOnlyList<string> DelistedSymbols => Subjects(SyntheticEventKind.Delisting);

    /// <summary>Symbols with missing sessions.</summary>
    public IReadOnlyList<string> GapSymbols => Subjects(SyntheticEventKind.Gap);

    /// <summary>Symbols with a toxic print.</summary>
    public IReadOnlyList<string> ToxicSymbols => Subjects(SyntheticEventKind.ToxicPrint);

    /// <inheritdoc/>
    public Task<IReadOnlyList<CandidateRecord>> DiscoverAsync(CancellationToken cancellationToken)
    {
        var records = new List<CandidateRecord>(Market.Assets.Count);
        for (int i = 0; i < Market.Assets.Count; i++)
        {
            AssetInfo asset = Market.Assets[i];
            BarSeries bars = Market.Bars[i];
            (double turnover, double volatility) = Metrics(bars);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["calendar"] = asset.CalendarId,
                ["listed_on"] = asset.ListedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [UniverseConfig.VolatilityKey] = volatility.ToString("R", CultureInfo.InvariantCulture),
            };
            if (asset.DelistedOn is DateOnly delisted)
            {
                metadata["delisted_on"] = delisted.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            records.Add(new CandidateRecord
            {
                Symbol = asset.Symbol.Value,
                Exchange = asset.Symbol.Exchange,
                AssetType = asset.AssetType == AssetType.Crypto ? "spot" : "equity",
                Direction = "LONG",
                Sector = asset.Sector,
                Volume24h = turnover,
                Metadata = metadata,
            });
        }

        return Task.FromResult<IReadOnlyList<CandidateRecord>>(records);
    }

    /// <inheritdoc/>
    public Task<ProviderFetch> FetchBarsAsync(Symbol symbol, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        if (!_bars.TryGetValue(symbol.Value, out BarSeries? s))
        {
            throw new ProviderException($"synthetic: unknown symbol '{symbol}'");
        }

        int lo = LowerBound(s.Dates, first), hi = LowerBound(s.Dates, last.AddDays(1));
        int n = Math.Max(0, hi - lo);
        var origins = new string[n];
        var csv = new StringBuilder("date,open,high,low,close,volume\n");
        for (int k = 0; k < n; k++)
        {
            int i = lo + k;
            origins[k] = string.Create(CultureInfo.InvariantCulture, $"synthetic:{symbol}:{s.Dates[i]:yyyy-MM-dd}");
            csv.Append(CultureInfo.InvariantCulture, $"{s.Dates[i]:yyyy-MM-dd},{s.Open[i]:R},{s.High[i]:R},{s.Low[i]:R},{s.Close[i]:R},{s.Volume[i]:R}\n");
        }

        var bars = BarSeries.AsDelivered(symbol, s.Dates[lo..(lo + n)], s.Open[lo..(lo + n)], s.High[lo..(lo + n)], s.Low[lo..(lo + n)], s.Close[lo..(lo + n)], s.Volume[lo..(lo + n)]);
        return Task.FromResult(new ProviderFetch(bars, RowOrigins.Of(origins), Encoding.UTF8.GetBytes(csv.ToString()), RawFormat.Csv, []));
    }

    private static int LowerBound(DateOnly[] dates, DateOnly value)
    {
        int i = Array.BinarySearch(dates, value);
        return i >= 0 ? i : ~i;
    }

    private static (double Turnover, double Volatility) Metrics(BarSeries bars)
    {
        int n = bars.Count;
        int from = Math.Max(1, n - MetricWindow);
        double turnover = 0, sum = 0, sumSq = 0;
        int m = 0;
        for (int i = from; i < n; i++)
        {
            turnover += bars.Close[i] * bars.Volume[i];
            double r = Math.Log(bars.Close[i] / bars.Close[i - 1]);
            sum += r;
            sumSq += r * r;
            m++;
        }

        double mean = m > 0 ? sum / m : 0;
        double variance = m > 1 ? (sumSq - (m * mean * mean)) / (m - 1) : 0;
        return (m > 0 ? turnover / m : 0, Math.Sqrt(Math.Max(variance, 0)));
    }

    private List<string> Subjects(SyntheticEventKind kind)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (SyntheticEvent e in Market.Events)
        {
            if (e.Kind == kind)
            {
                result.Add(e.Subject);
            }
        }

        return [.. result];
    }
}
