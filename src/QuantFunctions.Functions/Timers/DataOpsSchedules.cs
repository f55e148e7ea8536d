using QuantFunctions.Core.Scheduling;
using QuantFunctions.Functions.Catalog;
using QuantFunctions.Functions.Configuration;
using QuantFunctions.Hosting.Settings;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Manifests;

namespace QuantFunctions.Functions.Timers;

/// <summary>
/// Which data pipelines the DataOps timer starts and when: every <c>kind: data</c> manifest of the catalog that declares a
/// <c>schedule</c>, on that schedule; when <c>QF_DATAOPS_SCHEDULE</c> is set, the pipelines of <c>QF_DATAOPS_PIPELINES</c> run
/// on it instead (an override, and the way to schedule a pipeline whose manifest has no schedule).
/// </summary>
public sealed class DataOpsSchedules
{
    /// <summary>How far back an invocation looks for occurrences when the timer reports no previous run.</summary>
    public static readonly TimeSpan InvocationWindow = TimeSpan.FromMinutes(1);

    /// <summary>How far back an invocation looks at most (after downtime, only the latest occurrence of that span runs).</summary>
    public static readonly TimeSpan MaxCatchUp = TimeSpan.FromDays(1);

    private DataOpsSchedules(IReadOnlyList<ScheduledPipeline> pipelines) => Pipelines = pipelines;

    /// <summary>The scheduled pipelines, ordered by id.</summary>
    public IReadOnlyList<ScheduledPipeline> Pipelines { get; }

    /// <summary>Builds the plan from the catalog and the settings.</summary>
    /// <exception cref="ArgumentException">
    /// <c>QF_DATAOPS_PIPELINES</c> names a pipeline that is not in the catalog or is not a data pipeline, or a schedule is
    /// not a valid NCRONTAB (six fields; a manifest may omit the seconds); the message names the setting or the manifest.
    /// </exception>
    public static DataOpsSchedules Plan(FunctionsSettings settings, PipelineCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(catalog);
        var plan = new SortedDictionary<string, ScheduledPipeline>(StringComparer.Ordinal);
        foreach (PipelineManifest manifest in catalog.Manifests)
        {
            if (manifest.Kind == PipelineKind.Data && manifest.Schedule is string schedule)
            {
                // A manifest may omit the seconds (5 fields, as its reader accepts); the settings below are Azure timer
                // expressions and must have all six.
                plan[manifest.Id] = new ScheduledPipeline(manifest.Id, Parse(schedule, $"the schedule of {manifest.Source}", NCrontabSchedule.ParseWithOptionalSeconds), Overridden: false);
            }
        }

        if (settings.DataOpsSchedule is string overrideSchedule)
        {
            NCrontabSchedule parsed = Parse(overrideSchedule, SettingNames.DataOpsSchedule, NCrontabSchedule.Parse);
            foreach (string id in settings.DataOpsPipelines)
            {
                PipelineManifest manifest = catalog.Find(id) ?? throw new ArgumentException(
                    $"{SettingNames.DataOpsPipelines} names pipeline '{id}', which is not in the catalog at '{catalog.Root}' (known: {string.Join(", ", catalog.Ids)}).");
                if (manifest.Kind != PipelineKind.Data)
                {
                    throw new ArgumentException($"{SettingNames.DataOpsPipelines} names pipeline '{id}', a {manifest.Kind.ToString().ToLowerInvariant()} pipeline; the DataOps timer starts data pipelines only.");
                }

                plan[id] = new ScheduledPipeline(id, parsed, Overridden: true);
            }
        }

        return new DataOpsSchedules([.. plan.Values]);
    }

    /// <summary>The effective schedule of <paramref name="pipeline"/>, or null when the timer does not start it.</summary>
    public ScheduledPipeline? Find(string pipeline)
    {
        foreach (ScheduledPipeline p in Pipelines)
        {
            if (p.Pipeline == pipeline)
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>
    /// The runs due at <paramref name="now"/>: for each scheduled pipeline, its latest occurrence after
    /// <paramref name="previous"/> (the timer's previous invocation) and at or before <paramref name="now"/>. Without a
    /// usable previous time, the last <see cref="InvocationWindow"/>; never more than <see cref="MaxCatchUp"/> back.
    /// </summary>
    /// <param name="now">The invocation time, from the app's <see cref="TimeProvider"/>.</param>
    /// <param name="previous">When the timer last ran (its schedule status), if known.</param>
    public IReadOnlyList<DueRun> Due(DateTimeOffset now, DateTimeOffset? previous = null)
    {
        DateTimeOffset from = previous is { } last && last < now && last > now - MaxCatchUp ? last : now - InvocationWindow;
        var due = new List<DueRun>();
        foreach (ScheduledPipeline p in Pipelines)
        {
            if (p.LatestOccurrence(from, now) is { } occurrence)
            {
                due.Add(new DueRun(p.Pipeline, occurrence));
            }
        }

        return due;
    }

    private static NCrontabSchedule Parse(string expression, string what, Func<string, NCrontabSchedule> parse)
    {
        try
        {
            return parse(expression);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"{what} is not a valid NCRONTAB: {ex.Message}", ex);
        }
    }
}
