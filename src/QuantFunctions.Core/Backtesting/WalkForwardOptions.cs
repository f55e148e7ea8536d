using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Backtesting;

/// <summary>Options of <see cref="WalkForwardBacktester"/>.</summary>
public sealed record WalkForwardOptions
{
    /// <summary>Rows (periods) in each training window; 60 by default.</summary>
    public int TrainDays { get; init; } = 60;

    /// <summary>Rows in each test window; 20 by default.</summary>
    public int TestDays { get; init; } = 20;

    /// <summary>Rows between consecutive rebalances; 20 by default. Must equal <see cref="TestDays"/> so test windows tile the curve.</summary>
    public int StepDays { get; init; } = 20;

    /// <summary>Slippage in basis points of traded notional; 5 by default.</summary>
    public double SlippageBps { get; init; } = 5;

    /// <summary>Commission in basis points of traded notional; 1 by default.</summary>
    public double CommissionBps { get; init; } = 1;

    /// <summary>The cost rate per unit of turnover: <c>(slippage + commission) / 10 000</c>.</summary>
    public double CostRate => (SlippageBps + CommissionBps) / 10_000.0;

    /// <summary>Checks the options.</summary>
    /// <exception cref="DomainValidationException">Naming the option.</exception>
    public void Validate()
    {
        if (TrainDays < 1 || TestDays < 1 || StepDays != TestDays || !(SlippageBps >= 0) || !(CommissionBps >= 0) || double.IsInfinity(SlippageBps + CommissionBps))
        {
            throw new DomainValidationException(
                ErrorCodes.InvalidInput,
                $"Walk-forward options: need TrainDays ≥ 1 (got {TrainDays}), TestDays ≥ 1 (got {TestDays}), StepDays = TestDays (got {StepDays}; overlapping or gapped test windows would not give one equity curve), finite slippage and commission ≥ 0 (got {SlippageBps}, {CommissionBps} bps).");
        }
    }
}
