using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Returns;

namespace QuantFunctions.Core.Risk;

/// <summary>How μ and Σ are estimated from returns; validated on construction.</summary>
public sealed record RiskModelOptions
{
    private readonly int _periodsPerYear = ExpectedReturns.EquityPeriodsPerYear;
    private readonly double _ewmaSpan = 180;
    private readonly double? _maxCondition = DynamicRidge.DefaultMaxCondition;

    /// <summary>The covariance estimator.</summary>
    /// <value><see cref="RiskModelKind.Sample"/>.</value>
    public RiskModelKind Kind { get; init; } = RiskModelKind.Sample;

    /// <summary>The expected-return estimator.</summary>
    /// <value><see cref="ExpectedReturnMethod.Arithmetic"/>.</value>
    public ExpectedReturnMethod ExpectedReturnMethod { get; init; } = ExpectedReturnMethod.Arithmetic;

    /// <summary>Periods per year used to annualise μ and Σ (252 equities, 365 crypto).</summary>
    /// <value>252.</value>
    public int PeriodsPerYear
    {
        get => _periodsPerYear;
        init
        {
            ExpectedReturns.CheckPeriodsPerYear(value);
            _periodsPerYear = value;
        }
    }

    /// <summary>EWMA span (decay λ = 1 − 2/(span + 1)).</summary>
    /// <value>180.</value>
    public double EwmaSpan
    {
        get => _ewmaSpan;
        init => _ewmaSpan = value >= 1 ? value : throw new AllocationException(ErrorCodes.InvalidOption, $"EWMA span must be at least 1 (got {value})", "ewma_span");
    }

    /// <summary>Bound on κ(Σ) for the dynamic-ridge guard; null disables the guard.</summary>
    /// <value>5,000.</value>
    public double? MaxCondition
    {
        get => _maxCondition;
        init => _maxCondition = value is null || value > 1 ? value : throw new AllocationException(ErrorCodes.InvalidOption, $"condition bound must exceed 1 (got {value})", "max_condition");
    }
}
