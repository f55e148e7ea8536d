using System.ComponentModel.DataAnnotations;
using QuantFunctions.Core.Backtesting;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Stages.Validation;

/// <summary>Walk-forward windows and friction, shared by <c>validate.backtest</c> and <c>meta.aggregate</c>.</summary>
public record WalkForwardParameters
{
    /// <summary>Training window (sessions) the decision at each rebalance may see.</summary>
    [Range(10, 5000)]
    [Overridable]
    public int TrainDays { get; init; } = 60;

    /// <summary>Out-of-sample test window (sessions) each decision is held for.</summary>
    [Range(1, 5000)]
    [Overridable]
    public int TestDays { get; init; } = 20;

    /// <summary>Sessions between rebalances.</summary>
    [Range(1, 5000)]
    [Overridable]
    public int StepDays { get; init; } = 20;

    /// <summary>Slippage on traded notional, basis points.</summary>
    [Range(0.0, 1000.0)]
    [Overridable]
    public double SlippageBps { get; init; } = 5;

    /// <summary>Commission on traded notional, basis points.</summary>
    [Range(0.0, 1000.0)]
    [Overridable]
    public double CommissionBps { get; init; } = 1;

    /// <summary>The walk-forward options these parameters describe.</summary>
    public WalkForwardOptions ToOptions() => new()
    {
        TrainDays = TrainDays, TestDays = TestDays, StepDays = StepDays, SlippageBps = SlippageBps, CommissionBps = CommissionBps,
    };
}
