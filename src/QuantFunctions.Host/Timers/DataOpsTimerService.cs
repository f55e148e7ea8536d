using QuantFunctions.Core.Scheduling;
using QuantFunctions.Host.Configuration;
using QuantFunctions.Host.Runs;

namespace QuantFunctions.Host.Timers;

/// <summary>
/// Starts the scheduled data pipelines (<see cref="DataOpsSchedules.Plan"/>), one scheduler per pipeline, when the
/// Host runs on its own. Under the Azure Functions host (FUNCTIONS_CUSTOMHANDLER_PORT set) the platform's timer
/// trigger invokes <c>DataOpsTimer</c> instead, and this service stays idle.
/// </summary>
public sealed class DataOpsTimerService : BackgroundService
{
    private readonly HostSettings _settings;
    private readonly PipelineCatalog _catalog;
    private readonly RunLauncher _launcher;
    private readonly TimeProvider _time;
    private readonly ILogger<DataOpsTimerService> _logger;

    /// <summary>Creates the service.</summary>
    public DataOpsTimerService(HostSettings settings, PipelineCatalog catalog, RunLauncher launcher, TimeProvider time, ILogger<DataOpsTimerService> logger)
    {
        _settings = settings;
        _catalog = catalog;
        _launcher = launcher;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_settings.CustomHandlerPort is not null)
        {
            return Task.CompletedTask;
        }

        IReadOnlyList<ScheduledPipeline> plan = DataOpsSchedules.Plan(_settings, _catalog);
        var loops = new Task[plan.Count];
        for (int i = 0; i < plan.Count; i++)
        {
            loops[i] = RunScheduleAsync(plan[i], stoppingToken);
        }

        return Task.WhenAll(loops);
    }

    private async Task RunScheduleAsync(ScheduledPipeline pipeline, CancellationToken stoppingToken)
    {
        _logger.LogInformation("DataOps timer: {Pipeline} on {Schedule}", pipeline.Pipeline, pipeline.Schedule.Expression);
        NCrontabSchedule schedule = pipeline.Schedule;
        DateTimeOffset from = _time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset? next = schedule.GetNextOccurrence(from);
            if (next is null)
            {
                return;
            }

            TimeSpan wait = next.Value - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, stoppingToken);
            }

            try
            {
                string runId = await _launcher.StartAsync(pipeline.Pipeline, new StartRunRequest(), stoppingToken);
                _logger.LogInformation("DataOps timer started run {RunId} of {Pipeline}", runId, pipeline.Pipeline);
            }
            catch (InvalidOperationException ex)
            {
                // The same run id is still running: skip this occurrence, keep the schedule (and the other pipelines') alive.
                _logger.LogWarning(ex, "DataOps timer skipped {Pipeline} at {Occurrence}", pipeline.Pipeline, next.Value);
            }

            from = next.Value;
        }
    }
}
