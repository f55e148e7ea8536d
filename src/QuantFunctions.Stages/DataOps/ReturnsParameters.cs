using System.ComponentModel.DataAnnotations;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Stages.DataOps;

/// <summary>Parameters of <c>dataops.returns</c>.</summary>
public sealed record ReturnsParameters
{
    /// <summary>The universe written to silver (e.g. <c>crypto_spot</c>); defaults to the node's for_each item.</summary>
    public string? Universe { get; init; }

    /// <summary>Universe → bronze market (e.g. <c>{"crypto_spot": "binance"}</c>).</summary>
    [Required]
    public Dictionary<string, string> Markets { get; init; } = [];

    /// <summary>Universe → trading calendar id (XNYS, XNAS, XCRY, FX or a user calendar in the lake, docs/calendars.md).</summary>
    [Required]
    public Dictionary<string, string> Calendars { get; init; } = [];

    /// <summary>Missing sessions in a row still bridged by one return (market-day normalisation); more is a gap with no return.</summary>
    [Range(0, 5)]
    [Overridable]
    public int ToleratedMissingSessions { get; init; } = 1;
}
