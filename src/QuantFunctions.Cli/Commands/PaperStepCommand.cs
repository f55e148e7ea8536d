using System.CommandLine;
using System.Text.Json.Nodes;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Hosting;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant paper step --date D [--meta M] [--model-run RUN] [--set name=value]…</c>: one paper trading day — the demo
/// paper pipeline as run <c>paper-{meta}-{yyyymmdd}</c> as of the midnight after D. Stepping the same day again
/// resumes that run and changes nothing.
/// </summary>
internal sealed class PaperStepCommand : CommandBase
{
    private readonly Option<string> _date = new("--date") { Description = "The trading day (yyyy-MM-dd): yesterday's orders fill at its open, today's are sized at its close.", Required = true };
    private readonly Option<string> _meta = PaperCli.Meta();
    private readonly Option<string?> _modelRun = new("--model-run") { Description = "The meta model run whose target weights are traded (default: the manifest's, demo-meta)." };
    private readonly Option<string[]> _set = new("--set") { Description = "A parameter of the paper manifest: name=value (repeatable), e.g. max_drawdown=0.1." };

    public PaperStepCommand(CliContext context)
        : base("step", "Paper-trade one day: fills at the open, marks, risk limits, the next orders.", context)
    {
        Options.Add(_date);
        Options.Add(_meta);
        Options.Add(_modelRun);
        Options.Add(_set);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        DateOnly date = PaperCli.ParseDate(parseResult.GetValue(_date)!, "--date");
        string meta = parseResult.GetValue(_meta)!;
        var set = new Dictionary<string, string>(Orchestration.Manifests.ParameterValues.ParseAssignments(parseResult.GetValue(_set) ?? []), StringComparer.Ordinal) { ["meta"] = meta };
        if (parseResult.GetValue(_modelRun) is { } modelRun)
        {
            set["model_run"] = modelRun;
        }

        using PipelineRuntime runtime = await CliRuntime.OpenAsync(Context, cancellationToken);
        string runId = PaperCli.Store(runtime, meta).RunIdOf(date);
        var asOf = new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        RunRecord run = await PaperCli.RunAsync(Context, runtime, PaperCli.StepManifest, runId, asOf, set, cancellationToken);
        if (run.Status == RunStatus.Succeeded && await PaperCli.Store(runtime, meta).ReadBookAsync(date, cancellationToken) is JsonObject book)
        {
            JsonObject kill = book["kill_switch"]!.AsObject();
            Context.Console.Profile.Out.Writer.WriteLine(
                $"paper {date:yyyy-MM-dd}: equity {book["equity"]!.GetValue<double>():F2} · cash {book["cash"]!.GetValue<double>():F2} · positions {book["positions"]!.AsArray().Count} · orders for the next open {book["pending"]!.AsArray().Count}"
                + (kill["tripped"]!.GetValue<bool>() ? $" · KILL SWITCH TRIPPED: {kill["reason"]}" : string.Empty));
        }

        return RunReport.ExitCode(run);
    }
}
