using System.CommandLine;
using System.Globalization;
using QuantFunctions.Cli.Infrastructure;
using MarketSymbol = QuantFunctions.Core.Market.Symbol;
using QuantFunctions.DataOps.Providers;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Stages.DataOps;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant data import &lt;folder|file&gt; --market &lt;m&gt; [--layout per-symbol|long] [--map field=Header …] [--lenient]</c>:
/// brings a user's OHLCV files into bronze through the ingestion validation (idempotent and incremental:
/// importing the same files twice adds no rows).
/// </summary>
internal sealed class DataImportCommand : CommandBase
{
    private readonly Argument<string> _path = new("path") { Description = "A CSV/Parquet file or a folder of them." };
    private readonly Option<string> _market = new("--market") { Description = "Exchange code prefixed to bare tickers; bronze market = its lower case (e.g. XNYS, BINANCE).", Required = true };
    private readonly Option<string> _layout = DataOptions.Layout();
    private readonly Option<string[]> _map = DataOptions.Map();
    private readonly Option<bool> _lenient = new("--lenient") { Description = "Drop and record invalid rows instead of failing." };
    private readonly Option<string> _assetType = new("--asset-type") { Description = "Asset type of the imported symbols.", DefaultValueFactory = _ => "equity" };
    private readonly Option<int> _freshness = new("--freshness-days") { Description = "A symbol ending more than this many days before the newest bar is reported stale.", DefaultValueFactory = _ => 7 };

    public DataImportCommand(CliContext context)
        : base("import", "Import OHLCV files into bronze (validated, idempotent).", context)
    {
        Arguments.Add(_path);
        Options.Add(_market);
        Options.Add(_layout);
        Options.Add(_map);
        Options.Add(_lenient);
        Options.Add(_assetType);
        Options.Add(_freshness);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string market = parseResult.GetValue(_market)!.ToUpperInvariant();
        (OhlcvLayout layout, OhlcvColumnMap map) = DataOptions.ParseFiles(parseResult.GetValue(_layout), parseResult.GetValue(_map));

        bool strict = !parseResult.GetValue(_lenient);
        var options = new OhlcvImportOptions { Market = market, Layout = layout, Map = map, Strict = strict, AssetType = parseResult.GetValue(_assetType)! };
        FileImportProvider provider = await CliProgress.RunAsync(Context.Console, $"reading {parseResult.GetValue(_path)}", null, _ => FileImportProvider.OpenAsync(parseResult.GetValue(_path)!, options, cancellationToken));
        var symbols = new List<MarketSymbol>();
        DateOnly first = DateOnly.MaxValue, last = DateOnly.MinValue;
        foreach (ProviderFetch f in provider.Files.Fetches)
        {
            symbols.Add(f.Bars.Symbol);
            foreach (DateOnly d in f.Bars.Dates)
            {
                first = d < first ? d : first;
                last = d > last ? d : last;
            }
        }

        if (symbols.Count == 0 || first > last)
        {
            throw new UsageException($"{parseResult.GetValue(_path)}: no rows to import");
        }

        ILakeStore lake = await CliRuntime.OpenLakeAsync(Context, cancellationToken);
        DateOnly today = DateOnly.FromDateTime(Context.Time.GetUtcNow().UtcDateTime);
        var request = new IngestRequest
        {
            Market = market,
            Symbols = symbols,
            First = first,
            Last = last,
            IngestDate = today,
            Strict = strict,
            Rounds = 1,
            FreshnessDays = parseResult.GetValue(_freshness),
            RunId = "cli-import",
            Profile = "file_import/" + market.ToLowerInvariant(),
        };
        IngestResult result;
        try
        {
            result = await CliProgress.RunAsync(Context.Console, $"writing bronze: {symbols.Count} symbols, {first:yyyy-MM-dd}..{last:yyyy-MM-dd}", null, _ => new BronzeIngestor(lake, Context.Time).IngestAsync(request, provider, cancellationToken));
        }
        catch (IngestException ex)
        {
            await Context.Error.WriteLineAsync($"quant data import: {ex.Code}: {ex.Message}");
            return ex.Code.ExitCode;
        }

        TextWriter output = Context.Console.Profile.Out.Writer;
        foreach (RowIssue issue in provider.Files.Issues)
        {
            await output.WriteLineAsync($"dropped  {issue.Origin}  {issue.Reason}");
        }

        foreach (RowIssue issue in result.Issues)
        {
            await output.WriteLineAsync($"dropped  {issue.Origin}  {issue.Symbol}: {issue.Reason}");
        }

        foreach (SymbolSync s in result.Symbols)
        {
            if (s.Status == SymbolSyncStatus.Stale)
            {
                await output.WriteLineAsync($"stale    {s.Symbol}  {s.Detail}");
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"imported {result.RowsWritten} rows for {symbols.Count} symbols ({first:yyyy-MM-dd}..{last:yyyy-MM-dd}) into {BronzeIngestor.DatasetOf(Lake.Paths.LakeIdentifier.Parse(market.ToLowerInvariant(), "market"))}; {provider.Files.Issues.Count + result.Issues.Count} rows dropped"));
        return ExitCodes.Success;
    }
}
