using System.CommandLine;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Lake.Runs;
using QuantFunctions.Stages.Hosting;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant pipeline resume RUN_ID</c>: goes on from the recorded state (attempt + 1); succeeded nodes whose
/// inputs are unchanged are not redone.
/// </summary>
internal sealed class PipelineResumeCommand : CommandBase
{
    private readonly Argument<string> _runId = new("run-id") { Description = "The run to resume." };

    public PipelineResumeCommand(CliContext context)
        : base("resume", "Resume a failed, cancelled or interrupted run from its recorded state.", context)
    {
        Arguments.Add(_runId);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string runId = parseResult.GetValue(_runId)!;
        using PipelineRuntime runtime = await CliRuntime.OpenAsync(Context, cancellationToken);
        await CliRuntime.FindRunAsync(Context, runtime, runId, cancellationToken);
        RunRecord run = await RunProgress.RunAsync(Context.Console, $"resume {runId}", () => runtime.Runner.ResumeAsync(runId, cancellationToken));
        RunReport.Print(Context.Console, run);
        return RunReport.ExitCode(run);
    }
}
