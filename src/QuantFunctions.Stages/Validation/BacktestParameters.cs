using System.ComponentModel.DataAnnotations;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Stages.Validation;

/// <summary>Parameters of <c>validate.backtest</c>: the sleeve, the simulator tier, the walk-forward windows and friction.</summary>
public sealed record BacktestParameters : WalkForwardParameters
{
    /// <summary>The sleeve, when the node does not fan out over sleeves.</summary>
    public string? Sleeve { get; init; }

    /// <summary>The simulator tier: <c>t1</c> vectorised, <c>t2</c> drift (default), <c>t3</c> event-driven.</summary>
    [Overridable]
    [SimulatorName]
    public string Simulator { get; init; } = "t2";

    /// <summary>T3: lot size in units (1 = whole shares, 0 = fractional).</summary>
    [Range(0.0, 1e9)]
    [Overridable]
    public double LotSize { get; init; } = 1;

    /// <summary>T3: starting cash, in the prices' currency (prices start at 100).</summary>
    [Range(1.0, 1e15)]
    [Overridable]
    public double InitialCapital { get; init; } = 1_000_000;
}
