using System.ComponentModel.DataAnnotations;
using QuantFunctions.Core.Trading;

namespace QuantFunctions.Stages.Trading;

/// <summary>A venue's order rules in a manifest: <c>{ "lot_size", "tick_size", "min_notional" }</c>.</summary>
public sealed record VenueParameters
{
    /// <summary>The quantity step (1 = whole units).</summary>
    [Range(1e-12, 1e12)]
    public double LotSize { get; init; } = 1;

    /// <summary>The price step.</summary>
    [Range(1e-12, 1e12)]
    public double TickSize { get; init; } = 0.01;

    /// <summary>The smallest order notional.</summary>
    [Range(0.0, 1e12)]
    public double MinNotional { get; init; } = 1;

    /// <summary>The venue rules.</summary>
    public VenueRules ToRules() => new(LotSize, TickSize, MinNotional);

    /// <summary>The shipped defaults per venue: Binance spot trades 0.0001-unit lots with a 10 minimum notional.</summary>
    public static Dictionary<string, VenueParameters> Defaults() => new(StringComparer.Ordinal)
    {
        ["BINANCE"] = new VenueParameters { LotSize = 0.0001, TickSize = 0.01, MinNotional = 10 },
    };

    /// <summary>Sizing options from manifest parameters.</summary>
    public static OrderSizingOptions Sizing(double capital, double partialRebalance, VenueParameters defaultVenue, IReadOnlyDictionary<string, VenueParameters> venues, string prefix)
    {
        ArgumentNullException.ThrowIfNull(defaultVenue);
        ArgumentNullException.ThrowIfNull(venues);
        var rules = new Dictionary<string, VenueRules>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, VenueParameters> v in venues)
        {
            rules[v.Key] = v.Value.ToRules();
        }

        return new OrderSizingOptions { Capital = capital, PartialRebalance = partialRebalance, DefaultVenue = defaultVenue.ToRules(), Venues = rules, OrderIdPrefix = prefix };
    }
}
