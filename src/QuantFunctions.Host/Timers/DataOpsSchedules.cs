using QuantFunctions.Core.Scheduling;
using QuantFunctions.Host.Configuration;
using QuantFunctions.Host.Runs;
using QuantFunctions.Lake.Runs;
using QuantFunctions.Orchestration.Manifests;

namespace QuantFunctions.Host.Timers;

/// <summary>
/// Which data pipelines the timer starts and when: every <c>kind: data</c> manifest of the catalog that declares a
/// <c>schedule</c>, on that schedule; when QF_DATAOPS_SCHEDULE is set, the pipelines of QF_DATAOPS_PIPELINES run on it
/// instead (an override, and the way to schedule a pipeline whose manifest has no schedule).
/// </summary>
public static class DataOpsSchedules
{
    /// <summary>The window in which a Functions timer invocation counts a schedule occurrence as due.</summary>
    public static readonly TimeSpan InvocationWindow = TimeSpan.FromMinutes(1);

    /// <summary>The schedule plan, ordered by pipeline name.</summary>
    /// <exception cref="FormatException">QF_DATAOPS_SCHEDULE or a manifest schedule is not a valid 6-field NCRONTAB.</exception>
    public static IReadOnlyList<ScheduledPipeline> Plan(HostSettings settings, PipelineCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(catalog);
        var plan = new SortedDictionary<string, ScheduledPipeline>(StringComparer.Ordinal);
        foreach (string name in catalog.Names)
        {
            PipelineManifest manifest = catalog.Find(name)!;
            if (manifest.Kind == PipelineKind.Data && manifest.Schedule is string schedule)
            {
                plan[name] = new ScheduledPipeline(name, NCrontabSchedule.Parse(schedule));
            }
        }

        if (settings.DataOpsSchedule is string overrideSchedule)
        {
            NCrontabSchedule parsed = NCrontabSchedule.Parse(overrideSchedule);
            foreach (string name in settings.DataOpsPipelines.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                plan[name] = new ScheduledPipeline(name, parsed);
            }
        }

        return [.. plan.Values];
    }

    /// <summary>
    /// Starts the pipelines of <paramref name="plan"/> due at <paramref name="at"/> (occurrence within <see cref="InvocationWindow"/>)
    /// through the launcher (so on the queue when QF_RUNNER is <c>queue</c>); returns the run ids.
    /// </summary>
    public static async Task<IReadOnlyList<string>> StartDueAsync(IReadOnlyList<ScheduledPipeline> plan, RunLauncher launcher, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(launcher);
        var runs = new List<string>();
        foreach (ScheduledPipeline p in plan)
        {
            if (p.IsDue(at, InvocationWindow))
            {
                runs.Add(await launcher.StartAsync(p.Pipeline, new StartRunRequest(), cancellationToken));
            }
        }

        return runs;
    }
}
