using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using QuantFunctions.Core.Errors;
using QuantFunctions.Functions.Api;
using QuantFunctions.Functions.Http;
using QuantFunctions.Functions.Runs;
using QuantFunctions.Hosting;

namespace QuantFunctions.Functions.Timers;

/// <summary>
/// The DataOps timer: on each tick of <c>%QF_DATAOPS_TIMER%</c>, starts the data pipelines whose schedule has an
/// occurrence since the previous tick, once per occurrence: the run id is derived from the pipeline and the occurrence
/// (seed 42, as-of = the occurrence), so a second tick or a second app instance for the same occurrence finds the run
/// started and only logs it.
/// </summary>
public sealed class DataOpsTimer
{
    /// <summary>The seed of scheduled runs.</summary>
    public const int ScheduledSeed = 42;

    private readonly DataOpsSchedules _schedules;
    private readonly RunStarter _starter;
    private readonly TimeProvider _time;
    private readonly ILogger<DataOpsTimer> _logger;

    /// <summary>Creates the timer function.</summary>
    public DataOpsTimer(DataOpsSchedules schedules, RunStarter starter, TimeProvider time, ILogger<DataOpsTimer> logger)
    {
        _schedules = schedules;
        _starter = starter;
        _time = time;
        _logger = logger;
    }

    /// <summary>The timer trigger.</summary>
    [Function(FunctionNames.DataOpsTimer)]
    public async Task Run([TimerTrigger("%QF_DATAOPS_TIMER%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(executionContext);
        await StartDueAsync(client, PreviousTick(timer), executionContext.CancellationToken);
    }

    /// <summary>Starts the runs due now (by the app's <see cref="TimeProvider"/>) since <paramref name="previous"/>; returns what happened to each.</summary>
    public async Task<IReadOnlyList<ScheduledStart>> StartDueAsync(DurableTaskClient client, DateTimeOffset? previous, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        DateTimeOffset now = _time.GetUtcNow();
        var starts = new List<ScheduledStart>();
        foreach (DueRun due in _schedules.Due(now, previous))
        {
            string runId = RunIds.Derive(due.Pipeline, due.Occurrence, ScheduledSeed);
            var request = new StartRunRequest { RunId = runId, AsOf = due.Occurrence, Seed = ScheduledSeed };
            ApiResult<PreparedRun> started = await _starter.StartAsync(client, due.Pipeline, request, cancellationToken);
            if (started.IsOk)
            {
                _logger.LogInformation("DataOps timer started run {RunId} of {Pipeline} for the occurrence {Occurrence:o}", runId, due.Pipeline, due.Occurrence);
                starts.Add(new ScheduledStart(due, runId, Started: true, null));
            }
            else if (started.Problem.Code == ErrorCodes.RunExists)
            {
                _logger.LogInformation("DataOps timer: run {RunId} of {Pipeline} for {Occurrence:o} was already started: {Detail}", runId, due.Pipeline, due.Occurrence, started.Problem.Detail);
                starts.Add(new ScheduledStart(due, runId, Started: false, started.Problem));
            }
            else
            {
                _logger.LogError("DataOps timer could not start {Pipeline} for {Occurrence:o}: {Code}: {Detail}", due.Pipeline, due.Occurrence, started.Problem.Code, started.Problem.Detail);
                starts.Add(new ScheduledStart(due, runId, Started: false, started.Problem));
            }
        }

        return starts;
    }

    /// <summary>The previous tick from the host's schedule status (UTC on Azure); null on a first run or without the monitor.</summary>
    internal static DateTimeOffset? PreviousTick(TimerInfo timer)
    {
        if (timer.ScheduleStatus is not { } status || status.Last == default)
        {
            return null;
        }

        DateTime last = status.Last.Kind == DateTimeKind.Local ? status.Last.ToUniversalTime() : DateTime.SpecifyKind(status.Last, DateTimeKind.Utc);
        return new DateTimeOffset(last, TimeSpan.Zero);
    }
}
