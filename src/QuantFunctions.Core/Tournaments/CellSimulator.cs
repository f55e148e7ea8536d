using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tournaments;

/// <summary>
/// The tournament's seam to the simulators: a cell names its simulator by id and this maps the id to an engine.
/// This build has <c>t2</c>, the drift simulator with friction (<see cref="WalkForwardBacktester"/>: weights drift
/// between rebalances, slippage + commission on turnover); <c>t1</c> and <c>t3</c> are refused until the simulator
/// tiers are merged (then this switch is the one place to change).
/// </summary>
public static class CellSimulator
{
    /// <summary>The drift simulator with friction.</summary>
    public const string Drift = "t2";

    /// <summary>The simulator ids this build runs.</summary>
    public static IReadOnlyList<string> Available { get; } = [Drift];

    /// <summary>Checks that the simulator exists.</summary>
    /// <exception cref="TournamentException">Code <see cref="ErrorCodes.TournamentSimulatorUnavailable"/>.</exception>
    public static void Require(string simulator, string cell)
    {
        if (!Available.Contains(simulator))
        {
            throw new TournamentException(ErrorCodes.TournamentSimulatorUnavailable,
                $"Tournament cell '{cell}': simulator '{simulator}' is not available in this build (available: {string.Join(", ", Available)}).", cell);
        }
    }

    /// <summary>Runs the walk-forward simulation of <paramref name="allocator"/> on <paramref name="panel"/>.</summary>
    public static BacktestResult Run(string simulator, ReturnPanel panel, WindowAllocator allocator, WalkForwardOptions options)
    {
        Require(simulator, simulator);
        return WalkForwardBacktester.Run(panel, allocator, options);
    }
}
