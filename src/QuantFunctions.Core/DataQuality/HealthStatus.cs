namespace QuantFunctions.Core.DataQuality;

/// <summary>Outcome of a symbol's health audit, ordered by severity.</summary>
public enum HealthStatus
{
    /// <summary>No rule fired.</summary>
    Healthy = 0,

    /// <summary>Usable with caveats (short history, gaps, stale, off-calendar bars).</summary>
    Degraded = 1,

    /// <summary>Must not reach optimisation (bad values, toxic prints, sparse history).</summary>
    Dropped = 2,
}
