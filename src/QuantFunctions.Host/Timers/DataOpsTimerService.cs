using QuantFunctions.Core.Scheduling;
using QuantFunctions.Host.Configuration;
using QuantFunctions.Host.Runs;

namespace QuantFunctions.Host.Timers;

/// <summary>
/// Starts the DataOps pipelines on their NCRONTAB schedule (QF_DATAOPS_SCHEDULE) when the Host runs on its
/// own. Under the Azure Functions host (FUNCTIONS_CUSTOMHANDLER_PORT set) the platform's timer trigger
/// invokes <c>DataOpsTimer</c> instead, and this service stays idle.
/// </summary>
public sealed class DataOpsTimerService : BackgroundService
{
    private readonly HostSettings _settings;
    private readonly RunLauncher _launcher;
    private readonly TimeProvider _time;
    private readonly ILogger<DataOpsTimerService> _logger;

    /// <summary>Creates the service.</summary>
    public DataOpsTimerService(HostSettings settings, RunLauncher launcher, TimeProvider time, ILogger<DataOpsTimerService> logger)
    {
        _settings = settings;
        _launcher = launcher;
        _time = time;
        _logger = logger;
    }

    /// <summary>Starts every configured DataOps pipeline now; returns the run ids.</summary>
    public static IReadOnlyList<string> StartDataOps(HostSettings settings, RunLauncher launcher)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(launcher);
        var runs = new List<string>();
        foreach (string pipeline in settings.DataOpsPipelines.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            runs.Add(launcher.Start(pipeline, new StartRunRequest()));
        }

        return runs;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_settings.DataOpsSchedule is null || _settings.CustomHandlerPort is not null)
        {
            return;
        }

        NCrontabSchedule schedule = NCrontabSchedule.Parse(_settings.DataOpsSchedule);
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset now = _time.GetUtcNow();
            DateTimeOffset? next = schedule.GetNextOccurrence(now);
            if (next is null)
            {
                return;
            }

            await Task.Delay(next.Value - now, _time, stoppingToken);
            foreach (string runId in StartDataOps(_settings, _launcher))
            {
                _logger.LogInformation("DataOps timer started run {RunId}", runId);
            }
        }
    }
}
