using System.CommandLine;
using Microsoft.Extensions.Logging;
using QuantFunctions.Cli.Durable;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Hosting;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant pipeline resume RUN_ID [--durable [--task-hub NAME] [--no-worker]]</c>: goes on from the recorded state
/// (attempt + 1); succeeded nodes whose inputs are unchanged are not redone. With <c>--durable</c> the run is restarted
/// on the task hub — or, when its orchestration is still active there, followed.
/// </summary>
internal sealed class PipelineResumeCommand : CommandBase
{
    private readonly Argument<string> _runId = new("run-id") { Description = "The run to resume." };
    private readonly Option<bool> _durable = new("--durable") { Description = "Resume as a Durable orchestration on the task hub (needs QF_LAKE=blob); follows the run when it is still active there." };
    private readonly Option<string> _taskHub = DurableCli.TaskHub();
    private readonly Option<bool> _noWorker = new("--no-worker") { Description = "With --durable: only schedule and follow the run; 'quant worker' processes on the task hub do the work." };

    public PipelineResumeCommand(CliContext context)
        : base("resume", "Resume a failed, cancelled or interrupted run from its recorded state (locally, or on a Durable task hub with --durable).", context)
    {
        Arguments.Add(_runId);
        Options.Add(_durable);
        Options.Add(_taskHub);
        Options.Add(_noWorker);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string runId = parseResult.GetValue(_runId)!;
        bool durable = parseResult.GetValue(_durable);
        if (!durable && (parseResult.GetResult(_taskHub) is { Implicit: false } || parseResult.GetValue(_noWorker)))
        {
            throw new UsageException("--task-hub and --no-worker apply to --durable resumes only.");
        }

        RunRecord run;
        if (!durable)
        {
            using PipelineRuntime runtime = await CliRuntime.OpenAsync(Context, cancellationToken);
            await CliRuntime.FindRunAsync(Context, runtime, runId, cancellationToken);
            run = await RunProgress.RunAsync(Context.Console, $"resume {runId}", () => runtime.Runner.ResumeAsync(runId, cancellationToken));
        }
        else
        {
            DurableTaskHubOptions hub = DurableCli.HubOptions(Context, "--durable", parseResult.GetValue(_taskHub)!);
            using ILoggerFactory logging = DurableCli.StandardErrorLogging(LogLevel.Warning);
            using PipelineRuntime runtime = await DurableCli.OpenRuntimeAsync(Context, logging, cancellationToken);
            RunRecord recorded = await CliRuntime.FindRunAsync(Context, runtime, runId, cancellationToken);
            run = await DurablePipeline.RunAsync(
                Context, hub, !parseResult.GetValue(_noWorker), runtime, (runs, ct) => runs.RestartAsync(recorded, Context.Settings.GitSha, ct),
                recorded.Scope.Value, runId, logging, cancellationToken);
        }

        RunReport.Print(Context.Console, run);
        return RunReport.ExitCode(run);
    }
}
