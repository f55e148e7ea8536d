namespace QuantFunctions.Core.Trading;

/// <summary>What <see cref="OrderSizer"/> sizes against.</summary>
public sealed record OrderSizingOptions
{
    /// <summary>Capital the target weights are fractions of (account currency, &gt; 0).</summary>
    public required double Capital { get; init; }

    /// <summary>Trades whose notional is below this fraction of <see cref="Capital"/> are skipped (0 = trade every lot).</summary>
    /// <value>Default 0.</value>
    public double PartialRebalance { get; init; }

    /// <summary>The rules of a venue not listed in <see cref="Venues"/>.</summary>
    /// <value>Default <see cref="VenueRules.WholeUnits"/>.</value>
    public VenueRules DefaultVenue { get; init; } = VenueRules.WholeUnits;

    /// <summary>Rules per venue: the part of a symbol before ':' (e.g. <c>BINANCE</c> in <c>BINANCE:BTCUSDT</c>), ordinal.</summary>
    public IReadOnlyDictionary<string, VenueRules> Venues { get; init; } = new Dictionary<string, VenueRules>(StringComparer.Ordinal);

    /// <summary>The prefix of every order id (e.g. the trading date <c>20240103</c>); ids are <c>{prefix}-{seq:0000}-{hash}</c>.</summary>
    public required string OrderIdPrefix { get; init; }

    /// <summary>The rules of <paramref name="symbol"/>'s venue.</summary>
    public VenueRules RulesOf(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        int colon = symbol.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && Venues.TryGetValue(symbol[..colon], out VenueRules? rules) ? rules : DefaultVenue;
    }

    /// <summary>Checks the options.</summary>
    /// <exception cref="TradingException">Capital not finite and positive, a threshold outside [0, 1), an invalid venue rule or an empty prefix.</exception>
    public void Validate()
    {
        if (!(double.IsFinite(Capital) && Capital > 0))
        {
            throw new TradingException($"capital must be finite and > 0 (got {Capital})");
        }

        if (!(PartialRebalance >= 0 && PartialRebalance < 1))
        {
            throw new TradingException($"partial_rebalance must be in [0, 1) (got {PartialRebalance})");
        }

        if (string.IsNullOrWhiteSpace(OrderIdPrefix))
        {
            throw new TradingException("the order id prefix is empty");
        }

        DefaultVenue.Validate("default");
        foreach (KeyValuePair<string, VenueRules> venue in Venues)
        {
            venue.Value.Validate(venue.Key);
        }
    }
}
