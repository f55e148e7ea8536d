using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Discovery;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Synthetic;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.DataOps.Providers;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.DataOps;

/// <summary>
/// <c>dataops.ingest</c>: discovery (the source's own or a screener scan, see <see cref="IngestParameters.Discovery"/>)
/// → canonical candidates (strict or lenient) → universe floors →
/// candidates file <c>raw/{market}/discovery/ingest_date=…/candidates_{hash}.json</c> → incremental,
/// idempotent ingestion into bronze (<see cref="BronzeIngestor"/>) → coverage artifact
/// <c>_meta/{scope}/runs/{run}/coverage_{node}.json</c> (<see cref="LakePathResolver.CoverageReport"/>), linked from the ledger entry <c>dataops.coverage</c>.
/// Outbound HTTP goes through <see cref="MarketDataHttp"/>'s configured clients and limits, all of it within the stage's
/// deadline (<see cref="OutboundHttpOptions.StageDeadline"/>; past it the node fails with <see cref="ErrorCodes.ProviderDeadlineExceeded"/>).
/// </summary>
public sealed class IngestStage : LakeStage<IngestParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "dataops.ingest";

    private readonly MarketDataHttp _http;

    /// <summary>Creates the stage over the market data HTTP clients.</summary>
    public IngestStage(MarketDataHttp http)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
    }

    /// <inheritdoc/>
    protected override Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, IngestParameters parameters, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StageInput>>([]);

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, IngestParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        using OutboundDeadline deadline = _http.StartDeadline(cancellationToken);
        try
        {
            return await IngestAsync(context, parameters, deadline.Token);
        }
        catch (OperationCanceledException ex) when (deadline.IsExpired)
        {
            throw deadline.Exceeded($"{Id} node '{context.NodeKey}'", ex);
        }
    }

    private async Task<StageResult> IngestAsync(StageContext context, IngestParameters parameters, CancellationToken cancellationToken)
    {
        DateOnly asOf = DateOnly.FromDateTime(context.AsOf.UtcDateTime);
        DateOnly start = Date(parameters.Start);
        DateOnly end = parameters.End is string e ? Date(e) : asOf;
        IMarketDataProvider provider = await CreateProviderAsync(parameters, start, cancellationToken);
        var discovery = new IngestDiscovery(parameters, provider, _http);
        DiscoveryOutcome found = await discovery.RunAsync(context, cancellationToken);
        CandidateSet set = found.Set;
        UniverseSelection universe = UniverseSelector.Select(found.OfMarket, Universe(parameters));
        LakeIdentifier market = LakeIdentifier.Parse(parameters.Market.ToLowerInvariant(), "market");
        byte[] candidatesJson = StageJson.ToBytes(new { Universe = ParameterEnum.Name(parameters.Universe), AsOf = asOf, Source = provider.Name, Discovery = discovery.Source, Candidates = universe.Members, set.Dropped, universe.Excluded, set.Merged });
        LakePath candidatesPath = LakePathResolver.RawBatch(market, LakeIdentifier.Parse("discovery"), asOf,
            LakeIdentifier.Parse("candidates_" + Convert.ToHexStringLower(SHA256.HashData(candidatesJson))[..12]), RawFormat.Json);
        await LakeWrites.WriteBytesOnceAsync(context.Lake, candidatesPath, candidatesJson, cancellationToken);
        LakePath? scanPath = await discovery.WriteRawAsync(context.Lake, found, market, asOf, cancellationToken);
        await discovery.AuditAsync(context, found, universe, candidatesPath, scanPath, cancellationToken);

        var symbols = new List<Symbol>(universe.Members.Count);
        foreach (Candidate c in universe.Members)
        {
            symbols.Add(Symbol.Parse(c.Symbol));
        }

        LakePath coveragePath = context.Paths.CoverageReport(context.NodeKey);
        var request = new IngestRequest
        {
            Market = parameters.Market,
            Symbols = symbols,
            First = start,
            Last = end,
            IngestDate = asOf,
            Strict = parameters.Strict,
            Rounds = parameters.Rounds,
            FreshnessDays = parameters.FreshnessDays,
            Policy = parameters.CoveragePolicy,
            RunId = context.RunId.Value,
            Profile = provider.Name + "/" + ParameterEnum.Name(parameters.Universe),
            CoveragePath = coveragePath,
            DiscoveryAttempts = found.Scan?.Attempts ?? [],
        };
        IngestResult result;
        try
        {
            result = await new BronzeIngestor(context.Lake).IngestAsync(request, provider, cancellationToken);
        }
        catch (IngestException)
        {
            if (await context.Lake.GetInfoAsync(coveragePath, cancellationToken) is not null)
            {
                await AuditCoverageAsync(context, coveragePath, cancellationToken);
            }

            throw;
        }

        await AuditCoverageAsync(context, coveragePath, cancellationToken);
        var stale = new JsonArray();
        foreach (string s in result.Coverage.StaleSymbols)
        {
            stale.Add(s);
        }

        var summary = new JsonObject
        {
            ["source"] = provider.Name,
            ["discovery"] = discovery.Source,
            ["candidates"] = universe.Members.Count,
            ["candidates_dropped"] = set.Dropped.Count,
            ["candidates_excluded"] = universe.Excluded.Count,
            ["bronze_rows"] = result.RowsWritten,
            ["rows_rejected"] = result.Issues.Count,
            ["coverage"] = result.Coverage.Coverage,
            ["coverage_status"] = result.Coverage.Status,
            ["stale_symbols"] = stale,
            ["candidates_file"] = candidatesPath.Value,
            ["scan_file"] = scanPath?.Value,
            ["coverage_file"] = coveragePath.Value,
        };
        var outputs = new List<OutputLocation> { Output("candidates", candidatesPath), Output("coverage", coveragePath) };
        if (scanPath is LakePath scanned)
        {
            outputs.Add(Output("screener_scan", scanned));
        }

        foreach (LakePath p in result.Outputs)
        {
            if (p != coveragePath)
            {
                outputs.Add(Output(p.Value, p));
            }
        }

        return new StageResult { RowsWritten = result.RowsWritten, Outputs = outputs, Summary = summary };
    }

    private static async Task AuditCoverageAsync(StageContext context, LakePath path, CancellationToken cancellationToken)
    {
        LakeObject written = await context.Lake.TryReadAsync(path, cancellationToken) ?? throw new LakeObjectNotFoundException(path);
        IReadOnlyList<string> problems = CoverageArtifact.Check(written.Content.Span);
        var data = new JsonObject
        {
            ["path"] = path.Value,
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(written.Content.Span)),
            ["problems"] = problems.Count,
        };
        await context.AuditAsync("dataops.coverage", data, cancellationToken);
    }

    private async Task<IMarketDataProvider> CreateProviderAsync(IngestParameters p, DateOnly start, CancellationToken cancellationToken)
    {
        switch (p.Source)
        {
            case IngestSource.Synthetic:
                return new SyntheticMarketProvider(new SyntheticMarketOptions
                {
                    Seed = p.Seed,
                    Start = start,
                    CalendarDays = p.CalendarDays,
                    Markets = SyntheticMarketOptions.DefaultMarkets(p.AssetsPerMarket, p.AssetsPerMarket),
                    ToxicPrintsPerMarket = 1,
                });
            case IngestSource.Files:
                OhlcvColumnMap map = new();
                foreach (KeyValuePair<string, string> kv in p.Map)
                {
                    map = map.With(kv.Key + "=" + kv.Value);
                }

                var options = new OhlcvImportOptions { Market = p.Market, Layout = p.Layout, Map = map, Strict = p.Strict, AssetType = p.AssetType };
                return await FileImportProvider.OpenAsync(p.Path ?? throw new ArgumentException($"{Id}: source 'files' needs 'path'"), options, cancellationToken);
            default:
                return new BinanceSpotProvider(_http.CreateClient(MarketDataHttp.BinanceClient), _http.ProviderOptions(new Uri(p.BaseUrl), p.MaxRetries), _http.Time);
        }
    }

    private static UniverseConfig Universe(IngestParameters p) => p.Universe switch
    {
        UniversePreset.Spot => UniverseConfig.Spot() with { MaxSize = p.MaxSymbols },
        UniversePreset.Perp => UniverseConfig.Perpetual() with { MaxSize = p.MaxSymbols },
        _ => new UniverseConfig { Name = "all", MaxSize = p.MaxSymbols, SortKey = UniverseSortKey.Symbol },
    };

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
