namespace QuantFunctions.Stages.DataOps;

/// <summary>What <c>dataops.health</c> makes of bars on closed days (manifest values <c>lenient</c>, <c>strict</c>).</summary>
public enum CalendarPolicy
{
    /// <summary>The symbol is DEGRADED; returns and features drop those rows and count them.</summary>
    Lenient = 0,

    /// <summary>The symbol is DROPPED with the reason.</summary>
    Strict = 1,
}
