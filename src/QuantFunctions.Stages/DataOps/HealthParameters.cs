using System.ComponentModel.DataAnnotations;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Stages.DataOps;

/// <summary>Parameters of <c>dataops.health</c> (thresholds default to <see cref="Core.DataQuality.HealthOptions"/>).</summary>
public sealed record HealthParameters
{
    /// <summary>The universe audited (e.g. <c>crypto_spot</c>); defaults to the node's for_each item.</summary>
    public string? Universe { get; init; }

    /// <summary>Universe → bronze market (e.g. <c>{"crypto_spot": "binance"}</c>).</summary>
    [Required]
    public Dictionary<string, string> Markets { get; init; } = [];

    /// <summary>Universe → trading calendar id (XNYS, XNAS, XCRY, FX or a user calendar): the expected sessions.</summary>
    [Required]
    public Dictionary<string, string> Calendars { get; init; } = [];

    /// <summary>
    /// Bars on closed days: <c>lenient</c> (the symbol is DEGRADED; <c>dataops.returns</c> and <c>dataops.features</c> drop those
    /// rows and count them) or <c>strict</c> (the symbol is DROPPED with the reason).
    /// </summary>
    public CalendarPolicy CalendarPolicy { get; init; } = CalendarPolicy.Lenient;

    /// <summary>When true, any DROPPED symbol fails the node (after the registry and summary are written).</summary>
    [Overridable]
    public bool Strict { get; init; }

    /// <summary>Calendar days of history wanted; shorter is DEGRADED.</summary>
    [Range(1, 100_000)]
    [Overridable]
    public int LookbackDays { get; init; } = 500;

    /// <summary>Calendar days of history below which a symbol is DROPPED.</summary>
    [Range(1, 100_000)]
    [Overridable]
    public int MinHistoryDays { get; init; } = 90;

    /// <summary>|simple daily return| above which a bar is toxic (5.0 = 500%).</summary>
    [Range(0.01, 1_000)]
    [Overridable]
    public double ToxicReturn { get; init; } = 5.0;

    /// <summary>Fraction of missing expected sessions above which a symbol is DROPPED.</summary>
    [Range(0.0, 0.99)]
    [Overridable]
    public double MaxGapFraction { get; init; } = 0.10;
}
