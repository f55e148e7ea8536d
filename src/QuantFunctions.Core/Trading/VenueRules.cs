using QuantFunctions.Core.Execution;

namespace QuantFunctions.Core.Trading;

/// <summary>
/// How a venue accepts orders: quantities in multiples of <see cref="LotSize"/> (1 = whole units, 0.0001 = fractional
/// crypto), limit prices on a grid of <see cref="TickSize"/>, and no order below <see cref="MinNotional"/>.
/// </summary>
/// <param name="LotSize">The quantity step (&gt; 0).</param>
/// <param name="TickSize">The price step (&gt; 0).</param>
/// <param name="MinNotional">The smallest order notional the venue accepts (≥ 0, account currency).</param>
public sealed record VenueRules(double LotSize, double TickSize, double MinNotional)
{
    /// <summary>Whole units, cent ticks, a 1-unit minimum notional (equities).</summary>
    public static VenueRules WholeUnits { get; } = new(1, 0.01, 1);

    /// <summary>The shared fill model's options for this venue: its lot and minimum notional with <paramref name="friction"/>.</summary>
    public FillModelOptions FillOptions(Friction friction, bool allowShort) =>
        new() { Friction = friction, LotSize = LotSize, MinimumNotional = MinNotional, AllowShort = allowShort };

    /// <summary>Checks the rules.</summary>
    /// <exception cref="TradingException">A step that is not finite and positive, or a negative minimum.</exception>
    public void Validate(string venue)
    {
        if (!(double.IsFinite(LotSize) && LotSize > 0) || !(double.IsFinite(TickSize) && TickSize > 0) || !(double.IsFinite(MinNotional) && MinNotional >= 0))
        {
            throw new TradingException($"venue '{venue}': lot size and tick size must be finite and > 0 and the minimum notional finite and >= 0 (got lot {LotSize}, tick {TickSize}, min notional {MinNotional})");
        }
    }
}
