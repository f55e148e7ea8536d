namespace QuantFunctions.Core.Regime;

/// <summary>
/// The market volatility quadrant of a day: trend (BULL/BEAR) × volatility (QUIET/VOLATILE), see
/// <see cref="VolatilityQuadrants"/> for the definition. Spelled <c>BULL_QUIET</c> etc. in artifacts.
/// </summary>
public enum VolatilityQuadrant
{
    /// <summary>Trailing mean return ≥ 0 and short-term volatility at or below the long-term one.</summary>
    BullQuiet,

    /// <summary>Trailing mean return ≥ 0 and short-term volatility above the long-term one.</summary>
    BullVolatile,

    /// <summary>Trailing mean return &lt; 0 and short-term volatility at or below the long-term one.</summary>
    BearQuiet,

    /// <summary>Trailing mean return &lt; 0 and short-term volatility above the long-term one.</summary>
    BearVolatile,
}
