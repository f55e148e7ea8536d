using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;
using QuantFunctions.Core.Strategies;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Stages.Alpha;
using Spectre.Console;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant select FILE --features F… [--standard v3.4] [--direction long|short] [--periods-per-year n] [--as-of DATE] [--floor n] [--json]</c>
/// selects from a returns file and feature-store Parquet files; <c>quant select --run RUN --sleeve S [--json]</c> prints what
/// a run's <c>alpha.select</c> recorded (its <c>funnel.json</c>). Both print the funnel and the winners (docs/selection.md).
/// </summary>
internal sealed class SelectCommand : CommandBase
{
    private readonly Argument<string?> _file = new("file") { Description = "Returns: .csv with a header or .parquet; columns = assets, a first date column.", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string[]> _features = new("--features") { Description = "Feature-store Parquet file(s) (ts, symbol and the feature columns, as dataops.features writes them); repeat for several." };
    private readonly Option<string?> _run = new("--run") { Description = "A run id: print what its alpha.select recorded for --sleeve." };
    private readonly Option<string?> _sleeve = new("--sleeve") { Description = "The sleeve (with --run)." };
    private readonly Option<string> _standard = new("--standard") { Description = "Standard: " + string.Join(", ", SelectionStandards.All) + " (v3.4 = HTR over v4).", DefaultValueFactory = _ => SelectionStandards.V34 };
    private readonly Option<string> _direction = new("--direction") { Description = "long or short.", DefaultValueFactory = _ => "long" };
    private readonly Option<int> _periodsPerYear = new("--periods-per-year") { Description = "365 for crypto (entropy bound 0.999), 252 for sessions (0.995).", DefaultValueFactory = _ => 252 };
    private readonly Option<string?> _asOf = new("--as-of") { Description = "Decision date yyyy-MM-dd (default: the file's last date)." };
    private readonly Option<int?> _floor = new("--floor") { Description = "HTR winner floor (default 15)." };
    private readonly Option<bool> _json = CliOptions.Json();

    public SelectCommand(CliContext context)
        : base("select", "Select a universe with a standard under HTR v3.4 (from files, or as a run recorded it) and print the funnel and the winners.", context)
    {
        Arguments.Add(_file);
        Options.Add(_features);
        Options.Add(_run);
        Options.Add(_sleeve);
        Options.Add(_standard);
        Options.Add(_direction);
        Options.Add(_periodsPerYear);
        Options.Add(_asOf);
        Options.Add(_floor);
        Options.Add(_json);
        _standard.AcceptOnlyFromAmong([.. SelectionStandards.All]);
        _direction.AcceptOnlyFromAmong("long", "short");
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string? file = parseResult.GetValue(_file);
        string? run = parseResult.GetValue(_run);
        if ((file is null) == (run is null))
        {
            throw new UsageException("give either FILE (with --features) or --run RUN --sleeve S");
        }

        JsonObject funnel = run is not null
            ? await RecordedAsync(run, parseResult.GetValue(_sleeve) ?? throw new UsageException("--run needs --sleeve"), parseResult.GetValue(_standard)!, parseResult.GetResult(_standard) is { Implicit: false }, cancellationToken)
            : await SelectAsync(parseResult, file!, cancellationToken);
        if (parseResult.GetValue(_json))
        {
            await Context.Console.Profile.Out.Writer.WriteLineAsync(funnel.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }).AsMemory(), cancellationToken);
        }
        else
        {
            Print(funnel);
        }

        return ExitCodes.Success;
    }

    private async Task<JsonObject> SelectAsync(ParseResult parseResult, string file, CancellationToken cancellationToken)
    {
        string[] featureFiles = parseResult.GetValue(_features) ?? [];
        if (featureFiles.Length == 0)
        {
            throw new UsageException("FILE needs --features: selection reads factors from the feature store, never computes them");
        }

        var options = new SelectionOptions { Standard = parseResult.GetValue(_standard)! };
        if (parseResult.GetValue(_floor) is int floor)
        {
            options = options with { Floor = floor, MaxWinners = Math.Max(options.MaxWinners, floor) };
        }

        ReturnPanel returns = await ReturnsFileReader.ReadAsync(file, cancellationToken);
        var tables = new List<LakeTable>(featureFiles.Length);
        foreach (string f in featureFiles)
        {
            string full = Path.GetFullPath(f);
            var store = new FileSystemLakeStore(Path.GetDirectoryName(full)!);
            tables.Add(await LakeTableStore.ReadAsync(store, LakePath.Parse(Path.GetFileName(full)), cancellationToken: cancellationToken));
        }

        DateOnly asOf = parseResult.GetValue(_asOf) is string text
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d) ? d : throw new UsageException($"--as-of '{text}' is not yyyy-MM-dd")
            : returns.Dates[^1];
        Direction direction = parseResult.GetValue(_direction) == "short" ? Direction.Short : Direction.Long;
        SelectionResult selection = SelectionEngine.Select(returns, SelectionFeatures.FromTables(tables), asOf, options, direction, parseResult.GetValue(_periodsPerYear));
        return SelectionArtifacts.Funnel(Path.GetFileNameWithoutExtension(file), selection);
    }

    private async Task<JsonObject> RecordedAsync(string run, string sleeve, string standard, bool standardGiven, CancellationToken cancellationToken)
    {
        ILakeStore lake = await CliRuntime.OpenLakeAsync(Context, cancellationToken);
        string suffix = $"/{SelectionArtifacts.FunnelDataset}/run={run}/{SelectionArtifacts.FunnelFile}";
        await foreach (LakeObjectInfo info in lake.ListAsync(LakePath.Parse($"gold/{sleeve}"), cancellationToken))
        {
            if (!info.Path.Value.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            LakeObject obj = await lake.TryReadAsync(info.Path, cancellationToken) ?? throw new UsageException($"{info.Path} vanished while reading");
            JsonObject funnel = JsonNode.Parse(obj.Content.Span)!.AsObject();
            string recorded = funnel["standard"]!.GetValue<string>();
            if (standardGiven && SelectionStandards.Canonical(recorded) != SelectionStandards.Canonical(standard))
            {
                throw new UsageException($"run '{run}' selected sleeve '{sleeve}' with {recorded}, not {standard}: a run's selection is what it recorded (try another standard with FILE, or a manifest under manifests/examples)");
            }

            return funnel;
        }

        throw new UsageException($"run '{run}' has no selection of sleeve '{sleeve}' (no gold/{sleeve}/…{suffix}); `quant lake ls gold/{sleeve}` lists what there is");
    }

    private void Print(JsonObject funnel)
    {
        IAnsiConsole console = Context.Console;
        console.MarkupLineInterpolated($"[bold]{funnel["sleeve"]}[/] · standard {funnel["standard"]} · as of {funnel["as_of"]} · HTR stage [bold]{funnel["htr_stage"]}[/] · floor {funnel["floor"]} {((bool)funnel["floor_met"]! ? "met" : "NOT met")}");
        var table = new Table().AddColumn("step").AddColumn(new TableColumn("assets").RightAligned());
        foreach (JsonNode? step in funnel["stages"]!.AsArray())
        {
            table.AddRow(Markup.Escape(step!["name"]!.GetValue<string>()), step["count"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        var vetoes = funnel["vetoes"]!.AsObject();
        if (vetoes.Count > 0)
        {
            console.MarkupLineInterpolated($"vetoes: {string.Join(", ", vetoes.Select(kv => $"{kv.Key} {kv.Value}"))}");
        }

        JsonArray winners = funnel["winners"]!.AsArray();
        console.MarkupLineInterpolated($"winners ({winners.Count}, best first): {string.Join(", ", winners.Select(w => w!.GetValue<string>()))}");
    }
}
