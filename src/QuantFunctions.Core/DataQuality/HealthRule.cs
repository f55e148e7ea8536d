namespace QuantFunctions.Core.DataQuality;

/// <summary>The health rules; each <see cref="HealthReason"/> names one.</summary>
public enum HealthRule
{
    /// <summary>History shorter than the look-back (degraded) or the floor (dropped).</summary>
    SecularHistory,

    /// <summary>A run of missing expected sessions longer than the tolerated run (degraded).</summary>
    Gaps,

    /// <summary>A bar on a date that is not an expected session (degraded; dropped with a strict calendar policy).</summary>
    OffCalendar,

    /// <summary>The last bar is older than the staleness threshold (degraded).</summary>
    Freshness,

    /// <summary>|daily return| above the toxicity bound (dropped).</summary>
    Toxicity,

    /// <summary>Missing sessions above the density bound (dropped).</summary>
    Density,

    /// <summary>Non-positive price, high below max(open, close), low above min(open, close) or negative volume (dropped).</summary>
    OhlcSanity,

    /// <summary>Duplicate, non-increasing or future (known after the as-of time) timestamps (dropped).</summary>
    Timestamps,

    /// <summary>NaN or infinite value (dropped).</summary>
    MissingValues,
}
