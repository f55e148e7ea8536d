using System.ComponentModel.DataAnnotations;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Trading;

namespace QuantFunctions.Stages.Meta;

/// <summary>Parameters of <c>meta.orders</c>.</summary>
public sealed record OrdersParameters
{
    /// <summary>The meta-portfolio id whose sleeve weights are read.</summary>
    [Required]
    public string Meta { get; init; } = "meta";

    /// <summary>Capital the target weights are sized against (account currency) when no paper book supplies the equity.</summary>
    [Range(1.0, 1e15)]
    [Overridable]
    public double Capital { get; init; } = 1_000_000;

    /// <summary>Trades below this fraction of capital are skipped (recorded as <c>below_partial_rebalance</c>).</summary>
    [Range(0.0, 0.999)]
    [Overridable]
    public double PartialRebalance { get; init; }

    /// <summary>The order rules of a venue not in <see cref="Venues"/> (whole units, cent ticks, minimum notional 1).</summary>
    public VenueParameters DefaultVenue { get; init; } = new();

    /// <summary>Order rules per venue (the symbol's part before ':').</summary>
    public Dictionary<string, VenueParameters> Venues { get; init; } = VenueParameters.Defaults();

    /// <summary>
    /// A lake path of a positions file (<c>{"positions": {"SYMBOL": units, …}}</c>) holding the current book; when null the
    /// latest paper book of <see cref="Meta"/> on or before the as-of date is used, else a flat book.
    /// </summary>
    public string? Positions { get; init; }

    /// <summary>The paper pipeline whose book holds the current positions.</summary>
    public string PaperPipeline { get; init; } = "paper";

    /// <summary>The paper pipeline's version.</summary>
    public string PaperVersion { get; init; } = "1.0.0";
}
