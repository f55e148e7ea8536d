using System.CommandLine;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Lake.Runs;
using QuantFunctions.Stages.Hosting;

namespace QuantFunctions.Cli.Commands;

/// <summary><c>quant pipeline cancel RUN_ID --queue NAME</c>: records a queued run Cancelled so workers stop taking its nodes.</summary>
internal sealed class PipelineCancelCommand : CommandBase
{
    private readonly Argument<string> _runId = new("run-id") { Description = "The run to cancel." };
    private readonly Option<string> _queue = new("--queue") { Description = "The node queue the run is on (needs QF_LAKE=blob).", Required = true };
    private readonly Option<string> _reason = new("--reason") { Description = "Why (recorded in run.json and the ledger).", DefaultValueFactory = _ => "cancelled from the command line" };

    public PipelineCancelCommand(CliContext context)
        : base("cancel", "Cancel a run on the queue (a node already running finishes; `pipeline resume --queue` continues the run).", context)
    {
        Arguments.Add(_runId);
        Options.Add(_queue);
        Options.Add(_reason);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string runId = parseResult.GetValue(_runId)!;
        using PipelineRuntime runtime = await CliRuntime.OpenAsync(Context, cancellationToken);
        RunRecord recorded = await CliRuntime.FindRunAsync(Context, runtime, runId, cancellationToken);
        string queue = parseResult.GetValue(_queue)!;
        RunRecord run = await CliRuntime.OpenQueue(Context, runtime, queue).CancelAsync(recorded.Scope.Value, runId, parseResult.GetValue(_reason)!, cancellationToken);
        Context.Console.Profile.Out.Writer.WriteLine($"run {run.RunId} of {run.Scope}/{run.PipelineId} is {run.Status.ToString().ToLowerInvariant()}{(run.Error is { } e ? $": {e.Message}" : string.Empty)}");
        return ExitCodes.Success;
    }
}
