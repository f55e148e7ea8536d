using QuantFunctions.Core.Scheduling;

namespace QuantFunctions.Host.Timers;

/// <summary>A data pipeline the Host's timer starts, and the NCRONTAB schedule it starts on.</summary>
/// <param name="Pipeline">The pipeline name (manifest id).</param>
/// <param name="Schedule">Its effective schedule (the manifest's, or QF_DATAOPS_SCHEDULE when overridden).</param>
public sealed record ScheduledPipeline(string Pipeline, NCrontabSchedule Schedule)
{
    /// <summary>True when the schedule has an occurrence in (<paramref name="at"/> − <paramref name="window"/>, <paramref name="at"/>].</summary>
    public bool IsDue(DateTimeOffset at, TimeSpan window) => Schedule.GetNextOccurrence(at - window) is DateTimeOffset next && next <= at;
}
