using System.CommandLine;
using Microsoft.Extensions.Logging;
using QuantFunctions.Cli.Durable;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Hosting;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant pipeline cancel RUN_ID [--reason TEXT] [--task-hub NAME]</c>: terminates a Durable run's orchestration (and
/// its sleeve sub-orchestrations) on the task hub and records the run Cancelled with the reason (<c>run.cancelled</c> in
/// the ledger); nodes not started yet are never started. Resume it later with <c>quant pipeline resume RUN_ID --durable</c>.
/// </summary>
internal sealed class PipelineCancelCommand : CommandBase
{
    /// <summary>The longest reason recorded.</summary>
    public const int MaxReasonLength = 500;

    private readonly Argument<string> _runId = new("run-id") { Description = "The run to cancel." };
    private readonly Option<string> _reason = new("--reason") { Description = "Why (recorded in run.json and the ledger).", DefaultValueFactory = _ => "cancelled with quant pipeline cancel" };
    private readonly Option<string> _taskHub = DurableCli.TaskHub();

    public PipelineCancelCommand(CliContext context)
        : base("cancel", "Cancel a run on a Durable task hub: terminate its orchestration and record it Cancelled (needs QF_LAKE=blob).", context)
    {
        Arguments.Add(_runId);
        Options.Add(_reason);
        Options.Add(_taskHub);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string runId = parseResult.GetValue(_runId)!;
        string reason = parseResult.GetValue(_reason)!.Trim();
        if (reason.Length is 0 or > MaxReasonLength)
        {
            throw new UsageException($"--reason must have 1-{MaxReasonLength} characters.");
        }

        _ = RunId.Parse(runId);
        DurableTaskHubOptions options = DurableCli.HubOptions(Context, "cancel (of a Durable run)", parseResult.GetValue(_taskHub)!);
        using ILoggerFactory logging = DurableCli.StandardErrorLogging(LogLevel.Warning);
        using PipelineRuntime runtime = await DurableCli.OpenRuntimeAsync(Context, logging, cancellationToken);
        DurableTaskHub hub = await DurableTaskHub.StartAsync(options, registerTasks: null, logging, Context.Time, cancellationToken);
        RunRecord? run;
        try
        {
            run = await new DurableRuns(hub.Client, runtime, hub.TaskHubName, Context.Time).CancelAsync(runId, reason, cancellationToken);
        }
        finally
        {
            await hub.DisposeAsync();
        }

        if (run is null)
        {
            Context.Console.Profile.Out.Writer.WriteLine($"run {runId}: orchestration terminated before it recorded anything ({reason})");
            return ExitCodes.Success;
        }

        RunReport.Print(Context.Console, run);
        return ExitCodes.Success;
    }
}
