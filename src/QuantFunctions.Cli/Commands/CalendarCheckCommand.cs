using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Market;
using QuantFunctions.Hosting;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;
using QuantFunctions.DataOps.Providers;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Stages.Calendars;
using QuantFunctions.Stages.Datasets;
using QuantFunctions.Stages.DataOps;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant calendar check FOLDER [--calendar ID] | --run RUN [--json]</c>: compares a data set's dates with a calendar and lists
/// the days with bars on which the calendar is closed and the sessions on which no symbol traded (likely unlisted closures).
/// Exit 0 when they agree, 1 when there are findings.
/// </summary>
internal sealed class CalendarCheckCommand : CommandBase
{
    private readonly Argument<string?> _path = new("path") { Description = "A folder (or file) of OHLCV CSV/Parquet bars, read as 'quant data import' reads it.", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> _run = new("--run") { Description = "Check the bronze bars of a DataOps run's universes against their calendars instead." };
    private readonly Option<string> _calendar = new("--calendar") { Description = "The calendar (with a path).", DefaultValueFactory = _ => ExchangeCalendars.NyseId };
    private readonly Option<string> _layout = DataOptions.Layout();
    private readonly Option<string[]> _map = DataOptions.Map();
    private readonly Option<int> _limit = new("--limit") { Description = "Dates listed per finding.", DefaultValueFactory = _ => 20 };
    private readonly Option<bool> _json = CliOptions.Json();

    public CalendarCheckCommand(CliContext context)
        : base("check", "Compare a data set's dates with a calendar: bars on closed days, sessions with no bar from any symbol.", context)
    {
        Arguments.Add(_path);
        Options.Add(_run);
        Options.Add(_calendar);
        Options.Add(_layout);
        Options.Add(_map);
        Options.Add(_limit);
        Options.Add(_json);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string? path = parseResult.GetValue(_path), run = parseResult.GetValue(_run);
        if ((path is null) == (run is null))
        {
            throw new UsageException("give a FOLDER or --run RUN (one of them)");
        }

        IReadOnlyList<(string Source, CalendarCheckResult Result)> results = path is not null
            ? [(path, await CheckFilesAsync(parseResult, path, cancellationToken))]
            : await CheckRunAsync(run!, cancellationToken);
        TextWriter output = Context.Console.Profile.Out.Writer;
        if (parseResult.GetValue(_json))
        {
            var array = new JsonArray();
            foreach ((string source, CalendarCheckResult result) in results)
            {
                array.Add(ToJson(source, result));
            }

            await output.WriteLineAsync(array.ToJsonString());
        }
        else
        {
            foreach ((string source, CalendarCheckResult result) in results)
            {
                await PrintAsync(output, source, result, parseResult.GetValue(_limit));
            }
        }

        return results.All(r => r.Result.IsClean) ? ExitCodes.Success : ExitCodes.RunFailed;
    }

    private async Task<CalendarCheckResult> CheckFilesAsync(ParseResult parseResult, string path, CancellationToken cancellationToken)
    {
        TradingCalendar calendar = await CalendarCli.ResolveAsync(Context, parseResult.GetValue(_calendar)!, cancellationToken);
        (OhlcvLayout layout, OhlcvColumnMap map) = DataOptions.ParseFiles(parseResult.GetValue(_layout), parseResult.GetValue(_map));
        var options = new OhlcvImportOptions { Market = calendar.Id, Layout = layout, Map = map, Strict = true };
        FileImportProvider provider = await FileImportProvider.OpenAsync(path, options, cancellationToken);
        var dates = new Dictionary<string, DateOnly[]>(StringComparer.Ordinal);
        foreach (ProviderFetch fetch in provider.Files.Fetches)
        {
            dates[fetch.Bars.Symbol.Value] = [.. fetch.Bars.Dates];
        }

        return CalendarCheck.Run(calendar, dates);
    }

    private async Task<IReadOnlyList<(string, CalendarCheckResult)>> CheckRunAsync(string runId, CancellationToken cancellationToken)
    {
        using PipelineRuntime runtime = await CliRuntime.OpenAsync(Context, cancellationToken);
        RunRecord run = await CliRuntime.FindRunAsync(Context, runtime, runId, cancellationToken);
        using var ledger = AuditLedger.ForRun(runtime.Lake, run.Scope, run.RunId);
        var universes = new SortedDictionary<string, (string Market, string Calendar)>(StringComparer.Ordinal);
        foreach (AuditEntry entry in await ledger.ReadAllAsync(cancellationToken))
        {
            if (entry.Kind is "dataops.health" or "dataops.returns" && (string?)entry.Data["universe"] is { } universe)
            {
                universes[universe] = ((string)entry.Data["market"]!, (string)entry.Data["calendar"]!);
            }
        }

        if (universes.Count == 0)
        {
            throw new UsageException($"run '{runId}' has no dataops.health or dataops.returns entry in its ledger: nothing to check (give a DataOps run)");
        }

        var results = new List<(string, CalendarCheckResult)>();
        foreach ((string universe, (string market, string calendarId)) in universes)
        {
            TradingCalendar calendar = await CalendarCatalog.ResolveAsync(runtime.Lake, calendarId, cancellationToken);
            (LakeTable bars, _) = await LakeTableStore.ReadDatasetAsync(runtime.Lake, BronzeIngestor.DatasetOf(LakeIdentifier.Parse(market, "market")), cancellationToken: cancellationToken);
            var dates = new Dictionary<string, DateOnly[]>(StringComparer.Ordinal);
            foreach (BarSeries s in BarsTable.ToSeries(bars))
            {
                dates[s.Symbol.Value] = s.Dates;
            }

            results.Add(($"{universe} (bronze {market}, run {runId})", CalendarCheck.Run(calendar, dates)));
        }

        return results;
    }

    private static async Task PrintAsync(TextWriter output, string source, CalendarCheckResult r, int limit)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{source}: calendar {r.CalendarId}, {r.Symbols} symbols, {r.Bars:N0} bars, {CalendarCli.Date(r.First)}..{CalendarCli.Date(r.Last)} ({r.Sessions:N0} sessions)"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"bars on closed days: {Count(r.ClosedDays.Count, "date")}"));
        foreach (ClosedDayBars day in r.ClosedDays.Take(limit))
        {
            string symbols = string.Join(", ", day.Symbols.Take(5)) + (day.Symbols.Count > 5 ? $" … {day.Symbols.Count - 5} more" : string.Empty);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {CalendarCli.Date(day.Date)}  {day.Reason}: {Count(day.Symbols.Count, "symbol")} ({symbols})"));
        }

        await More(output, r.ClosedDays.Count, limit);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"sessions with no bar from any symbol (closures the calendar may not list): {r.EmptySessions.Count}"));
        foreach (DateOnly d in r.EmptySessions.Take(limit))
        {
            await output.WriteLineAsync($"  {CalendarCli.Date(d)} ({d.DayOfWeek})");
        }

        await More(output, r.EmptySessions.Count, limit);
        await output.WriteLineAsync(r.IsClean ? "the data and the calendar agree" : "the data and the calendar disagree (see above)");
    }

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");

    private static async Task More(TextWriter output, int count, int limit)
    {
        if (count > limit)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  … {count - limit} more (--limit, --json)"));
        }
    }

    private static JsonObject ToJson(string source, CalendarCheckResult r)
    {
        var closed = new JsonArray();
        foreach (ClosedDayBars day in r.ClosedDays)
        {
            closed.Add(new JsonObject { ["date"] = CalendarCli.Date(day.Date), ["reason"] = day.Reason, ["symbols"] = new JsonArray([.. day.Symbols.Select(s => JsonValue.Create(s))]) });
        }

        return new JsonObject
        {
            ["source"] = source,
            ["calendar"] = r.CalendarId,
            ["symbols"] = r.Symbols,
            ["bars"] = r.Bars,
            ["first"] = CalendarCli.Date(r.First),
            ["last"] = CalendarCli.Date(r.Last),
            ["sessions"] = r.Sessions,
            ["closed_days"] = closed,
            ["empty_sessions"] = new JsonArray([.. r.EmptySessions.Select(d => JsonValue.Create(CalendarCli.Date(d)))]),
            ["clean"] = r.IsClean,
        };
    }
}
