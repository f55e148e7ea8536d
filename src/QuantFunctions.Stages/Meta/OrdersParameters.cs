using System.ComponentModel.DataAnnotations;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Stages.Meta;

/// <summary>Parameters of <c>meta.orders</c>.</summary>
public sealed record OrdersParameters
{
    /// <summary>The meta-portfolio id whose sleeve weights are read.</summary>
    [Required]
    public string Meta { get; init; } = "meta";

    /// <summary>Capital the target weights are sized against (account currency).</summary>
    [Range(1.0, 1e15)]
    [Overridable]
    public double Capital { get; init; } = 1_000_000;

    /// <summary>Orders smaller than this notional are not sent (recorded as skipped).</summary>
    [Range(0.0, 1e12)]
    [Overridable]
    public double MinNotional { get; init; } = 10;
}
