using System.ComponentModel.DataAnnotations;
using QuantFunctions.Core.Backtesting;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Stages.Validation;

/// <summary>Walk-forward windows and friction, shared by <c>validate.backtest</c> and <c>meta.aggregate</c> (which simulates with T2).</summary>
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

    /// <summary>Sessions between decisions (any value: below test_days the most recent decision holds each day; above it the book is in cash between windows; crypto production uses 10).</summary>
    [Range(1, 5000)]
    [Overridable]
    public int StepDays { get; init; } = 20;

    /// <summary>Purge/embargo gap: sessions left out between the end of the training window and the decision.</summary>
    [Range(0, 1000)]
    [Overridable]
    public int GapDays { get; init; }

    /// <summary>Slippage on traded notional, basis points.</summary>
    [Range(0.0, 1000.0)]
    [Overridable]
    public double SlippageBps { get; init; } = 5;

    /// <summary>Commission on traded notional, basis points.</summary>
    [Range(0.0, 1000.0)]
    [Overridable]
    public double CommissionBps { get; init; } = 1;

    /// <summary>Borrow cost of short positions, basis points of short notional per year.</summary>
    [Range(0.0, 10000.0)]
    [Overridable]
    public double BorrowBps { get; init; }

    /// <summary><c>partial_rebalance</c>: a column whose weight would change by less than this (fraction of equity) is not traded; 0 = trade everything.</summary>
    [Range(0.0, 1.0)]
    [Overridable]
    public double PartialRebalance { get; init; }

    /// <summary>The walk-forward options these parameters describe.</summary>
    public WalkForwardOptions ToOptions() => new()
    {
        TrainDays = TrainDays, TestDays = TestDays, StepDays = StepDays, GapDays = GapDays, SlippageBps = SlippageBps, CommissionBps = CommissionBps,
        BorrowBps = BorrowBps, PartialRebalance = PartialRebalance,
    };
}
