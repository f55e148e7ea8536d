namespace QuantFunctions.Core.Regime;

/// <summary>The market regime of a day, from the volatility rank of its HMM state (spelled upper case in artifacts).</summary>
public enum RegimeLabel
{
    /// <summary>The calmest state: cluster cap 0.25.</summary>
    Normal,

    /// <summary>The middle state of a 3-state model: cluster cap 0.20.</summary>
    Turbulent,

    /// <summary>The most volatile state: cluster cap 0.15.</summary>
    Crisis,
}
