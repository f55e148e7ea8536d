using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Execution;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Backtesting;

/// <summary>Windows and friction of a walk-forward backtest (<see cref="WalkForwardBacktester"/>) and its simulators.</summary>
public sealed record WalkForwardOptions
{
    /// <summary>Rows (periods) in each training window; 60 by default.</summary>
    public int TrainDays { get; init; } = 60;

    /// <summary>Rows each decision is tested (held) for; 20 by default.</summary>
    public int TestDays { get; init; } = 20;

    /// <summary>
    /// Rows between consecutive decisions; 20 by default. Any value ≥ 1: below <see cref="TestDays"/> test windows
    /// overlap and each day is held by the most recent decision; above it the book is in cash between windows.
    /// </summary>
    public int StepDays { get; init; } = 20;

    /// <summary>
    /// Purge/embargo gap: rows left out between the end of a training window and its decision row, so that
    /// information that leaks across the boundary (labels, slow data) cannot reach the decision; 0 by default.
    /// </summary>
    public int GapDays { get; init; }

    /// <summary>Slippage in basis points of traded notional; 5 by default (tradfi, <see cref="Friction.Tradfi"/>).</summary>
    public double SlippageBps { get; init; } = 5;

    /// <summary>Commission in basis points of traded notional; 1 by default.</summary>
    public double CommissionBps { get; init; } = 1;

    /// <summary>Borrow cost of short positions, basis points of short notional per year; 0 by default (T2, T3).</summary>
    public double BorrowBps { get; init; }

    /// <summary>Periods per year, to accrue the borrow cost per period; 252 by default.</summary>
    public int PeriodsPerYear { get; init; } = 252;

    /// <summary>
    /// <c>partial_rebalance</c> threshold (T2, T3): at a decision, a column whose weight would change by less than this
    /// (absolute weight, e.g. 0.01 = 1 % of equity) is not traded; 0 by default (trade everything).
    /// </summary>
    public double PartialRebalance { get; init; }

    /// <summary>T3 lot size in units (1 = whole shares, 0 = fractional); 1 by default.</summary>
    public double LotSize { get; init; } = 1;

    /// <summary>T3 minimum order notional; 0 by default.</summary>
    public double MinimumNotional { get; init; }

    /// <summary>T3 starting cash; 1 000 000 by default.</summary>
    public double InitialCapital { get; init; } = 1_000_000;

    /// <summary>Slippage and commission as a <see cref="Execution.Friction"/>.</summary>
    public Friction Friction => new(SlippageBps, CommissionBps);

    /// <summary>The cost rate per unit of turnover: <c>(slippage + commission) / 10 000</c>.</summary>
    public double CostRate => (SlippageBps + CommissionBps) / 10_000.0;

    /// <summary>The borrow cost per period as a fraction of short notional: <c>BorrowBps / 10 000 / PeriodsPerYear</c>.</summary>
    public double BorrowRatePerPeriod => BorrowBps / 10_000.0 / PeriodsPerYear;

    /// <summary>The fill-model options T3 uses (friction, lot size, minimum notional, shorting allowed).</summary>
    public FillModelOptions FillOptions => new() { Friction = Friction, LotSize = LotSize, MinimumNotional = MinimumNotional, AllowShort = true };

    /// <summary>Checks the options.</summary>
    /// <exception cref="DomainValidationException"><see cref="ErrorCodes.InvalidWindows"/> or <see cref="ErrorCodes.InvalidFriction"/>, naming the option.</exception>
    public void Validate()
    {
        if (TrainDays < 1 || TestDays < 1 || StepDays < 1 || GapDays < 0)
        {
            throw new DomainValidationException(
                ErrorCodes.InvalidWindows,
                $"Walk-forward options: need TrainDays ≥ 1 (got {TrainDays}), TestDays ≥ 1 (got {TestDays}), StepDays ≥ 1 (got {StepDays}) and GapDays ≥ 0 (got {GapDays}).");
        }

        Friction.Validate();
        if (!(BorrowBps >= 0) || double.IsInfinity(BorrowBps) || PeriodsPerYear < 1 || !(PartialRebalance >= 0) || double.IsInfinity(PartialRebalance)
            || !(InitialCapital > 0) || double.IsInfinity(InitialCapital))
        {
            throw new DomainValidationException(
                ErrorCodes.InvalidFriction,
                $"Walk-forward options: need finite BorrowBps ≥ 0 (got {BorrowBps}), PeriodsPerYear ≥ 1 (got {PeriodsPerYear}), PartialRebalance ≥ 0 (got {PartialRebalance}) and InitialCapital > 0 (got {InitialCapital}).");
        }

        FillOptions.Validate();
    }
}
