using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tournaments;

/// <summary>
/// The tournament's seam to the simulators: a cell names its simulator by id (<c>t1</c> vectorised, <c>t2</c> drift,
/// <c>t3</c> event-driven — <see cref="Simulators"/>) and runs the walk-forward plan through it. T3 trades on prices
/// rebuilt from the returns (<see cref="PriceBook.FromReturns"/>, start 100), as the silver store holds returns only.
/// </summary>
public static class CellSimulator
{
    /// <summary>The drift simulator with friction, the baselines' default.</summary>
    public const string Drift = "t2";

    /// <summary>Checks that the simulator exists.</summary>
    /// <exception cref="DomainValidationException">Code <c>backtest.unknown_simulator</c>.</exception>
    public static void Require(string simulator) => _ = Simulators.Parse(simulator);

    /// <summary>Runs the walk-forward simulation of <paramref name="allocator"/> on <paramref name="panel"/>.</summary>
    public static BacktestResult Run(string simulator, ReturnPanel panel, WindowAllocator allocator, WalkForwardOptions options)
    {
        SimulatorId id = Simulators.Parse(simulator);
        PriceBook? prices = id == SimulatorId.T3 ? PriceBook.FromReturns(panel) : null;
        return WalkForwardBacktester.Run(panel, allocator, options, Simulators.Create(id), prices);
    }
}
