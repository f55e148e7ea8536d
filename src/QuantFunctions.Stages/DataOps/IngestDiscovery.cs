using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Discovery;
using QuantFunctions.Lake.Paths;
using QuantFunctions.DataOps.Providers;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.DataOps;

/// <summary>
/// The discovery step of <c>dataops.ingest</c>: the source provider's own discovery or a screener scan,
/// normalised through the candidate contract and restricted to the ingested exchange. Every outcome is
/// recorded in the ledger entry <c>dataops.discovery</c> (source, URL, HTTP attempts, records received,
/// dropped and merged); a failure is recorded before it is raised, and nothing is written.
/// </summary>
internal sealed class IngestDiscovery
{
    /// <summary>The ledger entry kind.</summary>
    public const string AuditKind = "dataops.discovery";

    private readonly IngestParameters _parameters;
    private readonly IMarketDataProvider _provider;
    private readonly ScreenerScanClient? _screener;

    public IngestDiscovery(IngestParameters parameters, IMarketDataProvider provider, MarketDataHttp http)
    {
        _parameters = parameters;
        _provider = provider;
        _screener = parameters.Discovery == CandidateDiscovery.Screener
            ? new ScreenerScanClient(http.CreateClient(MarketDataHttp.ScreenerClient), http.ProviderOptions(new Uri(parameters.ScreenerUrl!), parameters.MaxRetries),
                parameters.ScreenerMarket, parameters.ScreenerAssetType, parameters.ScreenerColumns, http.Time)
            : null;
    }

    /// <summary>The discovery source recorded: <c>screener</c> or the provider's name.</summary>
    public string Source => _screener is null ? _provider.Name : "screener";

    /// <summary>Discovers, normalises and keeps the candidates of the ingested exchange.</summary>
    /// <exception cref="IngestException">The scan or the provider's discovery failed after its retry budget (names the URL and attempts).</exception>
    /// <exception cref="CandidateContractException">An invalid record in strict mode, a conflicting duplicate, or no candidate on the exchange.</exception>
    public async Task<DiscoveryOutcome> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ScreenerScan? scan = null;
        int received = 0;
        try
        {
            IReadOnlyList<CandidateRecord> records;
            if (_screener is null)
            {
                records = await _provider.DiscoverAsync(cancellationToken);
            }
            else
            {
                scan = await _screener.ScanAsync(cancellationToken);
                records = scan.Records;
            }

            received = records.Count;
            CandidateSet set = CandidateNormalizer.Normalize(records, _parameters.Strict ? CandidateMode.Strict : CandidateMode.Lenient);
            var ofMarket = new List<Candidate>();
            foreach (Candidate c in set.Candidates)
            {
                if (string.Equals(c.Exchange, _parameters.Market, StringComparison.Ordinal))
                {
                    ofMarket.Add(c);
                }
            }

            if (ofMarket.Count == 0)
            {
                throw new CandidateContractException($"{IngestStage.Id} node '{context.NodeKey}': discovery ({Source}) found {set.Candidates.Count} candidate(s) but none on exchange {_parameters.Market}");
            }

            return new DiscoveryOutcome(received, set, ofMarket, scan);
        }
        catch (ProviderException ex)
        {
            await context.AuditAsync(AuditKind, Entry("failed", ex.Message, received, ex.Attempts), cancellationToken);
            string where = _screener is null ? $"discovery from '{_provider.Name}'" : $"screener scan POST {_screener.ScanUrl}";
            throw new IngestException($"{IngestStage.Id} node '{context.NodeKey}': {where} failed after {ex.Attempts.Count} attempt(s); nothing written: {ex.Message}", ex);
        }
        catch (CandidateContractException ex)
        {
            await context.AuditAsync(AuditKind, Entry("failed", ex.Message, received, scan?.Attempts ?? []), cancellationToken);
            throw;
        }
    }

    /// <summary>Keeps the scan's raw payload under <c>raw/{market}/screener/ingest_date=…/scan_{screener_market}_{sha12}.json</c>; null for provider discovery.</summary>
    public async Task<LakePath?> WriteRawAsync(ILakeStore lake, DiscoveryOutcome outcome, LakeIdentifier market, DateOnly ingestDate, CancellationToken cancellationToken)
    {
        if (outcome.Scan is not { } scan)
        {
            return null;
        }

        string sha = Convert.ToHexStringLower(SHA256.HashData(scan.Payload.Span))[..12];
        LakePath path = LakePathResolver.RawBatch(market, LakeIdentifier.Parse("screener", "source"), ingestDate,
            LakeIdentifier.Parse("scan_" + _parameters.ScreenerMarket + "_" + sha), RawFormat.Json);
        await LakeWrites.WriteBytesOnceAsync(lake, path, scan.Payload, cancellationToken);
        return path;
    }

    /// <summary>Records a successful discovery, with the universe selected from it and the files written.</summary>
    public Task AuditAsync(StageContext context, DiscoveryOutcome outcome, UniverseSelection universe, LakePath candidatesFile, LakePath? rawFile, CancellationToken cancellationToken)
    {
        JsonObject data = Entry("ok", null, outcome.Received, outcome.Scan?.Attempts ?? []);
        data["candidates"] = outcome.Set.Candidates.Count;
        data["dropped"] = outcome.Set.Dropped.Count;
        data["drops"] = JsonSerializer.SerializeToNode(outcome.Set.Dropped, StageJson.Options);
        data["merged"] = outcome.Set.Merged;
        data["other_exchanges"] = outcome.Set.Candidates.Count - outcome.OfMarket.Count;
        data["members"] = universe.Members.Count;
        data["excluded"] = universe.Excluded.Count;
        data["candidates_file"] = candidatesFile.Value;
        data["raw_file"] = rawFile?.Value;
        return context.AuditAsync(AuditKind, data, cancellationToken);
    }

    private JsonObject Entry(string status, string? error, int received, IReadOnlyList<ProviderAttempt> attempts) => new()
    {
        ["source"] = Source,
        ["url"] = _screener?.ScanUrl.AbsoluteUri,
        ["status"] = status,
        ["error"] = error,
        ["records"] = received,
        ["attempts"] = JsonSerializer.SerializeToNode(attempts, StageJson.Options),
    };
}
