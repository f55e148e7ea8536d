using System.CommandLine;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Lake.Runs;
using QuantFunctions.Stages.Hosting;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant pipeline resume RUN_ID [--queue NAME]</c>: goes on from the recorded state (attempt + 1); succeeded nodes whose
/// inputs are unchanged are not redone. With <c>--queue</c> the ready nodes are enqueued for workers instead of run here.
/// </summary>
internal sealed class PipelineResumeCommand : CommandBase
{
    private readonly Argument<string> _runId = new("run-id") { Description = "The run to resume." };
    private readonly Option<string?> _queue = new("--queue") { Description = "Resume on this node queue (e.g. qf-nodes) for `quant worker`s and the ExecuteNode function (needs QF_LAKE=blob); messages of earlier attempts become stale." };

    public PipelineResumeCommand(CliContext context)
        : base("resume", "Resume a failed, cancelled or interrupted run from its recorded state.", context)
    {
        Arguments.Add(_runId);
        Options.Add(_queue);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string runId = parseResult.GetValue(_runId)!;
        using PipelineRuntime runtime = await CliRuntime.OpenAsync(Context, cancellationToken);
        RunRecord recorded = await CliRuntime.FindRunAsync(Context, runtime, runId, cancellationToken);
        if (parseResult.GetValue(_queue) is { } queue)
        {
            RunRecord resumed = await CliRuntime.OpenQueue(Context, runtime, queue).ResumeAsync(recorded.Scope.Value, runId, cancellationToken);
            Context.Console.Profile.Out.Writer.WriteLine($"run {resumed.RunId} of {resumed.Scope}/{resumed.PipelineId} resumed on queue '{queue}' (attempt {resumed.Attempt}, {resumed.Status.ToString().ToLowerInvariant()}): start workers with `quant worker --queue {queue}`; follow it with `quant pipeline status {resumed.RunId}`");
            return ExitCodes.Success;
        }

        RunRecord run = await RunProgress.RunAsync(Context.Console, $"resume {runId}", () => runtime.Runner.ResumeAsync(runId, cancellationToken));
        RunReport.Print(Context.Console, run);
        return RunReport.ExitCode(run);
    }
}
