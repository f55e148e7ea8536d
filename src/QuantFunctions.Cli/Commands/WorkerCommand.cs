using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using QuantFunctions.Cli.Durable;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Durable;
using QuantFunctions.Durable.Activities;
using QuantFunctions.Hosting;
using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant worker [--task-hub NAME] [--idle-exit SECONDS] [--max-activities N] [--takeover-after SECONDS] [--max-queue-polling-interval SECONDS]</c>: runs
/// QuantFunctions' orchestrators and activities on the Durable task hub in the blob lake's storage account — the engine
/// and task-hub layout of the Functions app — until stopped (Ctrl+C, SIGTERM) or idle. Start as many as you like, on any
/// machines that reach the account: they share the runs started with <c>quant pipeline run --durable</c> (or by the
/// Functions app on the same hub). Logs go to standard error; the count of activities executed to standard output.
/// </summary>
internal sealed class WorkerCommand : CommandBase
{
    private const string LogCategory = "QuantFunctions.Cli.Worker";

    private readonly Option<string> _taskHub = DurableCli.TaskHub();
    private readonly Option<int?> _idleExit = new("--idle-exit") { Description = "Exit after this many seconds without an activity running or finishing here (default: run until stopped)." };
    private readonly Option<int?> _maxActivities = new("--max-activities") { Description = "Activities (pipeline nodes) run at once in this process (default: QF_MAX_PARALLELISM, else the processor count)." };
    private readonly Option<int?> _takeoverAfter = new("--takeover-after")
    {
        Description = "Seconds before the work of a worker that died is taken over: partition leases and the visibility of dequeued messages " +
            "(default: the Azure Storage provider's 30 s leases and 5 min messages). Must exceed the longest node.",
    };

    private readonly Option<int?> _maxPolling = new("--max-queue-polling-interval")
    {
        Description = "Longest wait in seconds between two polls of an idle queue (default 1; Durable Functions uses 30): lower is quicker to pick up work, higher costs fewer storage transactions.",
    };

    public WorkerCommand(CliContext context)
        : base("worker", "Run pipeline orchestrations and nodes from a Durable task hub (the Functions app's engine, on your machines) until stopped.", context)
    {
        Options.Add(_taskHub);
        Options.Add(_idleExit);
        Options.Add(_maxActivities);
        Options.Add(_takeoverAfter);
        Options.Add(_maxPolling);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        TimeSpan? idleExit = Seconds(parseResult.GetValue(_idleExit), "--idle-exit", 1);
        TimeSpan? takeover = Seconds(parseResult.GetValue(_takeoverAfter), "--takeover-after", 3);
        TimeSpan? maxPolling = Seconds(parseResult.GetValue(_maxPolling), "--max-queue-polling-interval", 1);
        int? maxActivities = parseResult.GetValue(_maxActivities);
        if (maxActivities is < 1 or > 256)
        {
            throw new UsageException($"--max-activities must be from 1 to 256, not {maxActivities}.");
        }

        DurableTaskHubOptions hubOptions = DurableCli.HubOptions(Context, "a worker", parseResult.GetValue(_taskHub)!, maxActivities, takeover, maxPolling);
        using ILoggerFactory logging = DurableCli.StandardErrorLogging(LogLevel.Warning, LogCategory);
        ILogger log = logging.CreateLogger(LogCategory);
        using PipelineRuntime runtime = await DurableCli.OpenRuntimeAsync(Context, logging, cancellationToken);
        var activities = new RunActivities(new RunSteps(runtime.Runner));
        DurableTaskHub hub = await DurableTaskHub.StartAsync(hubOptions, r => r.AddQuantTasks(activities), logging, Context.Time, cancellationToken);
        try
        {
            log.LogInformation(
                "worker {ProcessId} on task hub '{TaskHub}' ({Storage}), lake {Lake}: up to {MaxActivities} activities at once{Idle}",
                Environment.ProcessId, hub.TaskHubName, hubOptions.Storage, Context.Settings.Lake, hubOptions.MaxConcurrentActivities,
                idleExit is { } idle ? string.Create(CultureInfo.InvariantCulture, $", exits after {idle.TotalSeconds:0} s idle") : string.Empty);
            string stopReason = await WatchAsync(hub.Tally, idleExit, log, cancellationToken);
            log.LogInformation("worker {ProcessId} {Reason}", Environment.ProcessId, stopReason);
        }
        finally
        {
            await hub.DisposeAsync();
        }

        await Context.Console.Profile.Out.Writer.WriteLineAsync($"quant worker: executed {hub.Tally.Summary()}");
        return ExitCodes.Success;
    }

    // Logs progress once a second when something finished; returns why the worker stops (idle, or cancelled).
    private async Task<string> WatchAsync(ActivityTally tally, TimeSpan? idleExit, ILogger log, CancellationToken cancellationToken)
    {
        int reported = 0;
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), Context.Time, cancellationToken);
                int executed = tally.Executed;
                if (executed != reported)
                {
                    reported = executed;
                    log.LogInformation("executed {Summary} so far; {Running} running", tally.Summary(), tally.Running);
                }

                if (idleExit is { } idle && tally.IdleFor >= idle)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"idle for {idle.TotalSeconds:0} s: exiting");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return "stopping (cancelled)";
        }
    }

    private static TimeSpan? Seconds(int? value, string option, int minimum) => value switch
    {
        null => null,
        int s when s >= minimum => TimeSpan.FromSeconds(s),
        int s => throw new UsageException($"{option} must be at least {minimum} second(s), not {s}."),
    };
}
