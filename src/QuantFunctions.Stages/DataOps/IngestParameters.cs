using System.ComponentModel.DataAnnotations;
using QuantFunctions.DataOps.Providers;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Stages.DataOps;

/// <summary>Parameters of <c>dataops.ingest</c> (manifest names in snake_case).</summary>
public sealed record IngestParameters : IValidatableObject
{
    /// <summary>The provider of bars (and, with <c>discovery = provider</c>, of candidates): <c>synthetic</c>, <c>files</c> or <c>binance</c>.</summary>
    public IngestSource Source { get; init; } = IngestSource.Synthetic;

    /// <summary>Where candidates come from: <c>provider</c> (the source's own discovery) or <c>screener</c> (a screener scan at <see cref="ScreenerUrl"/>).</summary>
    public CandidateDiscovery Discovery { get; init; } = CandidateDiscovery.Provider;

    /// <summary>screener: the API root (absolute http or https URL); required when <see cref="Discovery"/> is <c>screener</c>.</summary>
    public string? ScreenerUrl { get; init; }

    /// <summary>screener: the market path segment (<c>POST {screener_url}/{market}/scan</c>), e.g. <c>crypto</c>, <c>america</c>.</summary>
    [RegularExpression("^[a-z0-9_]{1,32}$")]
    public string ScreenerMarket { get; init; } = "crypto";

    /// <summary>screener: the asset type given to the scanned candidates (e.g. <c>spot</c>, <c>perp</c>, <c>equity</c>).</summary>
    [RegularExpression("^[a-z0-9_]{1,32}$")]
    public string ScreenerAssetType { get; init; } = "spot";

    /// <summary>screener: the columns requested; null = the client's defaults (including <c>Value.Traded</c> and <c>Volatility.D</c>, which feed the floors).</summary>
    public List<string>? ScreenerColumns { get; init; }

    /// <summary>The exchange ingested (e.g. <c>BINANCE</c>, <c>XNYS</c>); bronze market = its lower case. Candidates of other exchanges are ignored.</summary>
    [Required]
    [RegularExpression("^[A-Z0-9_]{1,32}$")]
    public string Market { get; init; } = "BINANCE";

    /// <summary>First date (yyyy-MM-dd) for symbols bronze does not hold yet.</summary>
    [RegularExpression(@"^\d{4}-\d{2}-\d{2}$")]
    public string Start { get; init; } = "2022-01-03";

    /// <summary>Last date (yyyy-MM-dd); defaults to the run's as-of date.</summary>
    [RegularExpression(@"^\d{4}-\d{2}-\d{2}$")]
    public string? End { get; init; }

    /// <summary>Strict: invalid candidates, rows or coverage artifacts fail the run; lenient: dropped, counted and recorded.</summary>
    [Overridable]
    public bool Strict { get; init; } = true;

    /// <summary>Universe preset: <c>spot</c> (≥ $10M turnover, vol &gt; 1 %), <c>perp</c> (≥ $50M) or <c>all</c> (no floors).</summary>
    [Overridable]
    public UniversePreset Universe { get; init; } = UniversePreset.All;

    /// <summary>At most this many symbols (after ranking by turnover).</summary>
    [Range(1, 100_000)]
    [Overridable]
    public int MaxSymbols { get; init; } = 100_000;

    /// <summary>Fetch rounds (first + retries of failed symbols).</summary>
    [Range(1, 10)]
    [Overridable]
    public int Rounds { get; init; } = 2;

    /// <summary>Freshness tolerance in days (crypto 1 = 24 h, equities 7 = 168 h).</summary>
    [Range(0, 366)]
    [Overridable]
    public int FreshnessDays { get; init; } = 1;

    /// <summary>Coverage below 100 %: <c>warn</c> or <c>fail</c>.</summary>
    [Overridable]
    public CoveragePolicy CoveragePolicy { get; init; } = CoveragePolicy.Warn;

    /// <summary>files: the file or folder to import.</summary>
    public string? Path { get; init; }

    /// <summary>files: <c>per_symbol</c> or <c>long</c>.</summary>
    public OhlcvLayout Layout { get; init; } = OhlcvLayout.PerSymbol;

    /// <summary>files: field → header overrides (e.g. <c>{"close": "Adj Close"}</c>).</summary>
    public Dictionary<string, string> Map { get; init; } = [];

    /// <summary>files: the asset type of the imported symbols.</summary>
    public string AssetType { get; init; } = "equity";

    /// <summary>binance: the API root (https; plain http only to a loopback host).</summary>
    public string BaseUrl { get; init; } = "https://api.binance.com";

    /// <summary>binance and screener: HTTP retries per request.</summary>
    [Range(0, 10)]
    [Overridable]
    public int MaxRetries { get; init; } = 4;

    /// <summary>synthetic: the seed.</summary>
    [Range(0, int.MaxValue)]
    public int Seed { get; init; } = 42;

    /// <summary>synthetic: calendar days generated from <see cref="Start"/>.</summary>
    [Range(120, 20_000)]
    public int CalendarDays { get; init; } = 730;

    /// <summary>synthetic: assets per market.</summary>
    [Range(5, 5_000)]
    public int AssetsPerMarket { get; init; } = 20;

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Source == IngestSource.Binance && UrlProblem(BaseUrl) is { } baseProblem)
        {
            yield return new ValidationResult(baseProblem, [nameof(BaseUrl)]);
        }

        if (Discovery != CandidateDiscovery.Screener)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(ScreenerUrl))
        {
            yield return new ValidationResult("discovery 'screener' needs 'screener_url' (the screener API root, e.g. https://scanner.tradingview.com)", [nameof(ScreenerUrl)]);
        }
        else if (UrlProblem(ScreenerUrl) is { } screenerProblem)
        {
            yield return new ValidationResult(screenerProblem, [nameof(ScreenerUrl)]);
        }

        if (ScreenerColumns is { Count: 0 })
        {
            yield return new ValidationResult("must list at least one column when given", [nameof(ScreenerColumns)]);
        }
    }

    private static string? UrlProblem(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out Uri? url) ? OutboundUrl.Problem(url) : $"'{text}' is not an absolute http(s) URL";
}
