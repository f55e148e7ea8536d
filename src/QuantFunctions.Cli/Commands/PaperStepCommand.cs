using System.CommandLine;
using System.Text.Json.Nodes;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Hosting;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Stages.Paper;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant paper step --date D [--meta M] [--model-run RUN] [--set name=value]…</c>: one paper trading day. By default the
/// day's whole chain (<see cref="PaperDayChain"/>): the demo DataOps pipeline, the demo meta pipeline and the paper
/// pipeline, run by the local runner as <c>paper-{meta}-{yyyymmdd}-data</c>, <c>…-model</c> and <c>paper-{meta}-{yyyymmdd}</c>,
/// all as of the midnight after D — the same chain the Functions paper timer starts. With <c>--model-run</c>, only the
/// paper run, trading that existing model run's targets. Stepping the same day again resumes those runs and changes nothing.
/// </summary>
internal sealed class PaperStepCommand : CommandBase
{
    private readonly Option<string> _date = new("--date") { Description = "The trading day (yyyy-MM-dd): yesterday's orders fill at its open, today's are sized at its close.", Required = true };
    private readonly Option<string> _meta = PaperCli.Meta();
    private readonly Option<string?> _modelRun = new("--model-run") { Description = "Trade this existing meta model run's targets (only the paper run); default: run the day's chain (DataOps → meta → paper)." };
    private readonly Option<string[]> _set = new("--set") { Description = "A parameter of the paper manifest: name=value (repeatable), e.g. max_drawdown=0.1." };

    public PaperStepCommand(CliContext context)
        : base("step", "Paper-trade one day: DataOps and the model for the day (or --model-run), then fills at the open, marks, risk limits, the next orders.", context)
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
        var chain = new PaperDayChain { Meta = meta };
        IReadOnlyList<PaperDayStep> steps = chain.Steps(date, set);
        if (parseResult.GetValue(_modelRun) is { } modelRun)
        {
            set["model_run"] = modelRun;
            steps = [new PaperDayStep(chain.PaperPipeline, chain.PaperRunId(date), set)];
        }

        using PipelineRuntime runtime = await CliRuntime.OpenAsync(Context, cancellationToken);
        foreach (PaperDayStep step in steps)
        {
            RunRecord run = await PaperCli.RunAsync(Context, runtime, PaperCli.ChainManifest(step.Pipeline), step.RunId, PaperDayChain.AsOf(date), step.Set, cancellationToken);
            if (run.Status != RunStatus.Succeeded)
            {
                return RunReport.ExitCode(run);
            }
        }

        if (await PaperCli.Store(runtime, meta).ReadBookAsync(date, cancellationToken) is JsonObject book)
        {
            JsonObject kill = book["kill_switch"]!.AsObject();
            Context.Console.Profile.Out.Writer.WriteLine(
                $"paper {date:yyyy-MM-dd}: equity {book["equity"]!.GetValue<double>():F2} · cash {book["cash"]!.GetValue<double>():F2} · positions {book["positions"]!.AsArray().Count} · orders for the next open {book["pending"]!.AsArray().Count}"
                + (kill["tripped"]!.GetValue<bool>() ? $" · KILL SWITCH TRIPPED: {kill["reason"]}" : string.Empty));
        }

        return ExitCodes.Success;
    }
}
