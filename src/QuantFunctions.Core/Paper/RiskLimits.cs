using QuantFunctions.Core.Trading;

namespace QuantFunctions.Core.Paper;

/// <summary>
/// Risk limits enforced by the paper broker (seed 002 L6): pre-trade, an order that would take gross leverage above
/// <see cref="MaxGrossLeverage"/> or an asset's notional above <see cref="MaxAssetNotional"/> is rejected; at each
/// close, a daily loss above <see cref="MaxDailyLoss"/> or a drawdown from the peak above <see cref="MaxDrawdown"/>
/// trips the kill switch.
/// </summary>
public sealed record RiskLimits
{
    /// <summary>Σ |position × price| / equity after an order may not exceed this.</summary>
    /// <value>Default 2.</value>
    public double MaxGrossLeverage { get; init; } = 2;

    /// <summary>|position × price| of one asset after an order may not exceed this (account currency; 0 = no limit).</summary>
    /// <value>Default 0 (off).</value>
    public double MaxAssetNotional { get; init; }

    /// <summary>A close-to-close equity loss above this fraction trips the kill switch.</summary>
    /// <value>Default 0.05.</value>
    public double MaxDailyLoss { get; init; } = 0.05;

    /// <summary>A drawdown from the equity peak above this fraction trips the kill switch.</summary>
    /// <value>Default 0.20.</value>
    public double MaxDrawdown { get; init; } = 0.20;

    /// <summary>Whether a trip also sends orders closing every position (filled at the next open).</summary>
    /// <value>Default false.</value>
    public bool FlattenOnTrip { get; init; }

    /// <summary>Checks the limits.</summary>
    /// <exception cref="TradingException">A limit not finite and positive (the asset notional may be 0), or a fraction ≥ 1.</exception>
    public void Validate()
    {
        if (!(double.IsFinite(MaxGrossLeverage) && MaxGrossLeverage > 0) || !(double.IsFinite(MaxAssetNotional) && MaxAssetNotional >= 0)
            || !(MaxDailyLoss > 0 && MaxDailyLoss < 1) || !(MaxDrawdown > 0 && MaxDrawdown < 1))
        {
            throw new TradingException(
                $"risk limits: max gross leverage > 0, max asset notional >= 0, max daily loss and max drawdown in (0, 1) (got {MaxGrossLeverage}, {MaxAssetNotional}, {MaxDailyLoss}, {MaxDrawdown})");
        }
    }
}
