using QuantFunctions.Core.Scheduling;

namespace QuantFunctions.Functions.Timers;

/// <summary>A data pipeline the DataOps timer starts, and the NCRONTAB schedule it starts on.</summary>
/// <param name="Pipeline">The pipeline id.</param>
/// <param name="Schedule">Its effective schedule: the manifest's, or <c>QF_DATAOPS_SCHEDULE</c> when overridden.</param>
/// <param name="Overridden">True when <paramref name="Schedule"/> comes from <c>QF_DATAOPS_SCHEDULE</c>.</param>
public sealed record ScheduledPipeline(string Pipeline, NCrontabSchedule Schedule, bool Overridden)
{
    /// <summary>The latest occurrence in (<paramref name="from"/>, <paramref name="to"/>], or null when there is none.</summary>
    public DateTimeOffset? LatestOccurrence(DateTimeOffset from, DateTimeOffset to)
    {
        DateTimeOffset? latest = null;
        for (DateTimeOffset? next = Schedule.GetNextOccurrence(from); next is { } at && at <= to; next = Schedule.GetNextOccurrence(at))
        {
            latest = at;
        }

        return latest;
    }
}
