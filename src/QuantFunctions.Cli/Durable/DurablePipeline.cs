using Microsoft.Extensions.Logging;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Durable;
using QuantFunctions.Durable.Activities;
using QuantFunctions.Hosting;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Cli.Durable;

/// <summary>
/// <c>quant pipeline run|resume --durable</c>: joins the task hub — with a worker in this process unless
/// <c>--no-worker</c> (then <c>quant worker</c> processes do the work) — schedules the run, follows it to the end and
/// prints it as the local runner's run is printed.
/// </summary>
internal static class DurablePipeline
{
    /// <summary>Runs <paramref name="schedule"/> on the task hub and follows run <paramref name="runId"/> of <paramref name="scope"/> to its end.</summary>
    /// <param name="context">The CLI context.</param>
    /// <param name="options">The task hub (from <see cref="DurableCli.HubOptions"/>).</param>
    /// <param name="hostWorker">Whether this process also works on the task hub.</param>
    /// <param name="runtime">The lake and runner (the in-process worker's activities run on it).</param>
    /// <param name="schedule">Schedules (or finds) the run; returns what it did, for the user.</param>
    /// <param name="scope">The run's scope.</param>
    /// <param name="runId">The run id (the orchestration's instance id).</param>
    /// <param name="logging">Logs of the engine (standard error).</param>
    /// <param name="cancellationToken">Stops following (the run goes on on the task hub).</param>
    /// <returns>The recorded run at its end.</returns>
    public static async Task<RunRecord> RunAsync(
        CliContext context, DurableTaskHubOptions options, bool hostWorker, PipelineRuntime runtime,
        Func<DurableRuns, CancellationToken, Task<string>> schedule, string scope, string runId, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(schedule);
        RunActivities? activities = hostWorker ? new RunActivities(new RunSteps(runtime.Runner)) : null;
        DurableTaskHub hub = await DurableTaskHub.StartAsync(options, activities is null ? null : r => r.AddQuantTasks(activities), logging, context.Time, cancellationToken);
        try
        {
            var runs = new DurableRuns(hub.Client, runtime, hub.TaskHubName, context.Time);
            string scheduled = await schedule(runs, cancellationToken);
            await context.Error.WriteLineAsync($"quant: {scheduled}{(hostWorker ? "; this process works on it too" : "; the quant worker processes on the task hub run it")}");
            RunRecord run;
            try
            {
                run = await RunProgress.RunAsync(context.Console, $"{scope} run {runId} on task hub {hub.TaskHubName}", () => runs.FollowAsync(scope, runId, cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await context.Error.WriteLineAsync(
                    $"quant: stopped following run {runId}; it stays on task hub '{hub.TaskHubName}' for the workers there (follow it with 'quant pipeline resume {runId} --durable', stop it with 'quant pipeline cancel {runId}')");
                throw;
            }

            if (hostWorker)
            {
                await context.Error.WriteLineAsync($"quant: this process executed {hub.Tally.Summary()}");
            }

            return run;
        }
        finally
        {
            await hub.DisposeAsync();
        }
    }
}
