using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Backtesting;

/// <summary>A simulator tier: turns a walk-forward plan into the daily out-of-sample record. Pure and deterministic.</summary>
public interface ISimulator
{
    /// <summary>Which tier this is.</summary>
    SimulatorId Id { get; }

    /// <summary>Simulates the plan.</summary>
    /// <param name="plan">The decisions.</param>
    /// <param name="prices">Open and close prices aligned with the plan's panel (T3 needs them; T1 and T2 ignore them).</param>
    /// <returns>The daily record.</returns>
    /// <exception cref="DomainValidationException">Bad weights, missing prices, or a wipe-out (equity ≤ 0).</exception>
    BacktestResult Simulate(WalkForwardPlan plan, PriceBook? prices);
}
