namespace QuantFunctions.Core.Paper;

/// <summary>One symbol's profit and loss over a paper day.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="PricePnl">Σ units × price moves (previous mark → open → close).</param>
/// <param name="Costs">Commission + slippage paid on its fills.</param>
public sealed record AssetPnl(string Symbol, double PricePnl, double Costs)
{
    /// <summary>Price PnL − costs.</summary>
    public double Net => PricePnl - Costs;
}
