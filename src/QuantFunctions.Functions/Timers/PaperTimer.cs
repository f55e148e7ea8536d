using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Scheduling;
using QuantFunctions.Durable;
using QuantFunctions.Durable.Orchestrators;
using QuantFunctions.Functions.Api;
using QuantFunctions.Functions.Configuration;
using QuantFunctions.Functions.Http;
using QuantFunctions.Functions.Runs;
using QuantFunctions.Stages.Paper;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Functions.Timers;

/// <summary>
/// The paper timer: on the latest occurrence of <c>%QF_PAPER_TIMER%</c> since the previous tick, starts the paper day's
/// chain (<see cref="PaperDayChain"/>: DataOps → meta → paper) for the trading day that closed before the occurrence
/// (the last UTC day that ended at or before it: <see cref="DayBefore"/>), as one <see cref="DurableNames.ChainOrchestrator"/> instance whose id is the
/// day's paper run id + <c>-chain</c>; each run is a sub-orchestration with its own run id. Every run is validated
/// (<see cref="RunStarter.Prepare"/>) before anything starts. A second tick, or a second app instance, for the same day
/// finds the chain started and only logs it.
/// </summary>
public sealed class PaperTimer
{
    private readonly ScheduledPipeline _schedule;
    private readonly RunStarter _starter;
    private readonly TimeProvider _time;
    private readonly ILogger<PaperTimer> _logger;

    /// <summary>Creates the timer function; <paramref name="settings"/> were validated at start-up.</summary>
    public PaperTimer(FunctionsSettings settings, RunStarter starter, TimeProvider time, ILogger<PaperTimer> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _schedule = new ScheduledPipeline(Chain.PaperPipeline, NCrontabSchedule.Parse(settings.PaperTimer), Overridden: false);
        _starter = starter;
        _time = time;
        _logger = logger;
    }

    /// <summary>The chain the timer starts: the demo pipelines, account <c>meta</c>.</summary>
    public static PaperDayChain Chain { get; } = new();

    /// <summary>The chain orchestration's instance id of a day.</summary>
    public static string InstanceId(DateOnly day) => Chain.PaperRunId(day) + "-chain";

    /// <summary>The trading day a tick at <paramref name="occurrence"/> trades: the UTC day before the occurrence's date (the last day that has closed), so the chain's as-of time is never after the tick.</summary>
    public static DateOnly DayBefore(DateTimeOffset occurrence) => DateOnly.FromDateTime(occurrence.UtcDateTime).AddDays(-1);

    /// <summary>The timer trigger.</summary>
    [Function(FunctionNames.PaperTimer)]
    public async Task Run([TimerTrigger("%QF_PAPER_TIMER%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(executionContext);
        await StartDueAsync(client, DataOpsTimer.PreviousTick(timer), executionContext.CancellationToken);
    }

    /// <summary>
    /// Starts the chain of the day due now (by the app's <see cref="TimeProvider"/>) since <paramref name="previous"/>; returns
    /// what happened, or null when no occurrence is due.
    /// </summary>
    public async Task<ScheduledStart?> StartDueAsync(DurableTaskClient client, DateTimeOffset? previous, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        DateTimeOffset now = _time.GetUtcNow();
        DateTimeOffset from = previous is { } p && p < now && p > now - DataOpsSchedules.MaxCatchUp ? p : now - DataOpsSchedules.InvocationWindow;
        if (_schedule.LatestOccurrence(from, now) is not { } occurrence)
        {
            return null;
        }

        DateOnly day = DayBefore(occurrence);
        string instance = InstanceId(day);
        var due = new DueRun(Chain.PaperPipeline, occurrence);
        var runs = new List<ChainedRun>();
        foreach (PaperDayStep step in Chain.Steps(day))
        {
            var request = new StartRunRequest { RunId = step.RunId, AsOf = PaperDayChain.AsOf(day), Seed = PaperDayChain.Seed, Set = step.Set };
            ApiResult<PreparedRun> prepared = _starter.Prepare(step.Pipeline, request, OverrideAuthority.Operator);
            if (!prepared.IsOk)
            {
                _logger.LogError("Paper timer could not start the chain of {Day:yyyy-MM-dd}: {Pipeline}: {Code}: {Detail}", day, step.Pipeline, prepared.Problem.Code, prepared.Problem.Detail);
                return new ScheduledStart(due, instance, Started: false, prepared.Problem);
            }

            runs.Add(new ChainedRun(prepared.Value!.Orchestrator, prepared.Value.Start));
        }

        if (await client.GetInstanceAsync(instance, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            _logger.LogInformation("Paper timer: the chain {Instance} of {Day:yyyy-MM-dd} was already started ({Status})", instance, day, existing.RuntimeStatus);
            return new ScheduledStart(due, instance, Started: false, new ApiProblem(ErrorCodes.RunExists, $"the chain '{instance}' exists ({existing.RuntimeStatus})"));
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(DurableNames.ChainOrchestrator, new RunChain(runs), RunStarter.UniqueInstance(instance), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (RunStarter.IsAlreadyExists(ex))
        {
            _logger.LogInformation("Paper timer: the chain {Instance} of {Day:yyyy-MM-dd} was already started by another instance", instance, day);
            return new ScheduledStart(due, instance, Started: false, new ApiProblem(ErrorCodes.RunExists, $"the chain '{instance}' was started by another request meanwhile"));
        }

        _logger.LogInformation("Paper timer started the chain {Instance} of {Day:yyyy-MM-dd} for the occurrence {Occurrence:o}: {Runs}", instance, day, occurrence, string.Join(" → ", runs.Select(r => r.Start.RunId)));
        return new ScheduledStart(due, instance, Started: true, null);
    }
}
