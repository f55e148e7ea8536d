using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Performance;

/// <summary>Options of <see cref="PerformanceCalculator"/>; the defaults are quantstats' (<c>reports.metrics</c>).</summary>
public sealed record PerformanceOptions
{
    /// <summary>Periods per year (252 trading days, 365 for 24×7 daily series); 252 by default.</summary>
    public double PeriodsPerYear { get; init; } = 252;

    /// <summary>Annual risk-free rate, converted to <c>(1 + rf)^(1/P) − 1</c> per period where quantstats subtracts it; 0 by default.</summary>
    public double RiskFreeRate { get; init; }

    /// <summary>The VaR/CVaR confidence level; 0.95 by default.</summary>
    public double VarConfidence { get; init; } = 0.95;

    /// <summary>
    /// Compound returns (cumulative return, CAGR, monthly/quarterly/yearly aggregates) as <c>Π(1 + r) − 1</c>;
    /// when false they are summed. True by default.
    /// </summary>
    public bool Compounded { get; init; } = true;

    /// <summary>Checks the options.</summary>
    /// <exception cref="DomainValidationException">Naming the option.</exception>
    public void Validate()
    {
        if (!(PeriodsPerYear > 0) || double.IsInfinity(PeriodsPerYear) || !(RiskFreeRate > -1) || double.IsInfinity(RiskFreeRate) || !(VarConfidence is > 0 and < 1))
        {
            throw new DomainValidationException(
                ErrorCodes.InvalidInput,
                $"Performance options: need PeriodsPerYear > 0 (got {PeriodsPerYear}), RiskFreeRate > −1 (got {RiskFreeRate}), 0 < VarConfidence < 1 (got {VarConfidence}).");
        }
    }
}
