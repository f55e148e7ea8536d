using QuantFunctions.Core.Market;
using QuantFunctions.DataOps.Providers;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Stages.DataOps;

/// <summary>What to ingest into bronze. Validated at construction of each property.</summary>
public sealed record IngestRequest
{
    private readonly int _rounds = 2;
    private readonly int _freshnessDays = 1;

    /// <summary>The bronze market (e.g. <c>binance</c>, <c>xnys</c>): <c>bronze/{market}/spot/ohlcv/…</c>.</summary>
    public required string Market { get; init; }

    /// <summary>The symbols to sync (duplicates ignored).</summary>
    public required IReadOnlyList<Symbol> Symbols { get; init; }

    /// <summary>First date wanted (inclusive) when bronze holds nothing for a symbol.</summary>
    public required DateOnly First { get; init; }

    /// <summary>Last date wanted (inclusive).</summary>
    public required DateOnly Last { get; init; }

    /// <summary>The raw folder's ingest date (the run's as-of date, never the wall clock).</summary>
    public required DateOnly IngestDate { get; init; }

    /// <summary>True: any invalid row fails the ingestion; false: dropped and recorded.</summary>
    public bool Strict { get; init; } = true;

    /// <summary>Fetch rounds (the first plus retries of failed symbols), 1–10.</summary>
    public int Rounds { get => _rounds; init => _rounds = value is >= 1 and <= 10 ? value : throw new ArgumentOutOfRangeException(nameof(Rounds), value, "must be in 1..10"); }

    /// <summary>A symbol is fresh when its last bar is at most this many days before <see cref="Last"/> (crypto 1, equities 7).</summary>
    public int FreshnessDays { get => _freshnessDays; init => _freshnessDays = value is >= 0 and <= 366 ? value : throw new ArgumentOutOfRangeException(nameof(FreshnessDays), value, "must be in 0..366"); }

    /// <summary>What coverage below 100 % does.</summary>
    public CoveragePolicy Policy { get; init; } = CoveragePolicy.Warn;

    /// <summary>The run id recorded in the coverage artifact.</summary>
    public required string RunId { get; init; }

    /// <summary>The profile recorded in the coverage artifact (e.g. <c>binance/spot</c>).</summary>
    public required string Profile { get; init; }

    /// <summary>The HTTP attempts of the discovery that chose <see cref="Symbols"/> (e.g. a screener scan), copied into the coverage artifact.</summary>
    public IReadOnlyList<ProviderAttempt> DiscoveryAttempts { get; init; } = [];

    /// <summary>Where to write the coverage artifact; null = not written.</summary>
    public LakePath? CoveragePath { get; init; }
}
