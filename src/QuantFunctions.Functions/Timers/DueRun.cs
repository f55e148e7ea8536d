namespace QuantFunctions.Functions.Timers;

/// <summary>A scheduled run that is due: its pipeline and the schedule occurrence it is for (its as-of time).</summary>
/// <param name="Pipeline">The pipeline id.</param>
/// <param name="Occurrence">The schedule occurrence (UTC), also the run's as-of time and part of its run id.</param>
public sealed record DueRun(string Pipeline, DateTimeOffset Occurrence);
