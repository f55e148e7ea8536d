using QuantFunctions.Core.Execution;
using QuantFunctions.Core.Trading;

namespace QuantFunctions.Core.Paper;

/// <summary>What one paper trading day needs.</summary>
public sealed record PaperDayInput
{
    /// <summary>The trading day.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The day's opening price per symbol: the fill price reference of the orders pending from the last close (an order whose symbol has no open today stays pending for its next bar).</summary>
    public required IReadOnlyDictionary<string, double> Open { get; init; }

    /// <summary>The day's closing price per symbol: marks and the sizing price of the new orders (a symbol without one is not traded today).</summary>
    public required IReadOnlyDictionary<string, double> Close { get; init; }

    /// <summary>The target weights to rebalance to at this close (fractions of equity).</summary>
    public required IReadOnlyDictionary<string, double> Targets { get; init; }

    /// <summary>Venue rules, <c>partial_rebalance</c>; <see cref="OrderSizingOptions.Capital"/> and the id prefix are replaced by the day's equity and date.</summary>
    public required OrderSizingOptions Sizing { get; init; }

    /// <summary>Slippage and commission of the fills.</summary>
    /// <value>Default <see cref="Friction.Tradfi"/>.</value>
    public Friction Friction { get; init; } = Friction.Tradfi;

    /// <summary>Friction per venue (the part of a symbol before ':'), overriding <see cref="Friction"/>.</summary>
    public IReadOnlyDictionary<string, Friction> VenueFriction { get; init; } = new Dictionary<string, Friction>(StringComparer.Ordinal);

    /// <summary>The limits.</summary>
    public RiskLimits Limits { get; init; } = new();

    /// <summary>The friction of <paramref name="symbol"/>'s venue.</summary>
    public Friction FrictionOf(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        int colon = symbol.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && VenueFriction.TryGetValue(symbol[..colon], out Friction? friction) ? friction : Friction;
    }
}
