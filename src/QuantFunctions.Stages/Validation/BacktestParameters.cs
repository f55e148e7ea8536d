using System.ComponentModel.DataAnnotations;

namespace QuantFunctions.Stages.Validation;

/// <summary>Walk-forward and friction parameters (<c>validate.backtest</c>, <c>meta.aggregate</c>).</summary>
public sealed record BacktestParameters
{
    /// <summary>The sleeve, when the node does not fan out over sleeves.</summary>
    public string? Sleeve { get; init; }

    /// <summary>Training window (sessions) the decision at each rebalance may see.</summary>
    [Range(10, 5000)]
    public int TrainDays { get; init; } = 60;

    /// <summary>Out-of-sample test window (sessions) each decision is held for.</summary>
    [Range(1, 5000)]
    public int TestDays { get; init; } = 20;

    /// <summary>Sessions between rebalances.</summary>
    [Range(1, 5000)]
    public int StepDays { get; init; } = 20;

    /// <summary>Slippage on traded notional, basis points.</summary>
    [Range(0.0, 1000.0)]
    public double SlippageBps { get; init; } = 5;

    /// <summary>Commission on traded notional, basis points.</summary>
    [Range(0.0, 1000.0)]
    public double CommissionBps { get; init; } = 1;

    /// <summary>The walk-forward options these parameters describe.</summary>
    public Core.Backtesting.WalkForwardOptions ToOptions() => new()
    {
        TrainDays = TrainDays, TestDays = TestDays, StepDays = StepDays, SlippageBps = SlippageBps, CommissionBps = CommissionBps,
    };
}
