namespace QuantFunctions.Core.Performance;

/// <summary>Performance statistics of a return series (formulas in <see cref="PerformanceCalculator"/>).</summary>
public sealed record PerformanceMetrics
{
    /// <summary>The number of periods.</summary>
    public required int Observations { get; init; }

    /// <summary>Compounded total return <c>Π(1 + r) − 1</c>.</summary>
    public required double TotalReturn { get; init; }

    /// <summary>Compound annual growth rate.</summary>
    public required double Cagr { get; init; }

    /// <summary>Annualised volatility.</summary>
    public required double Volatility { get; init; }

    /// <summary>Annualised Sharpe ratio.</summary>
    public required double Sharpe { get; init; }

    /// <summary>Annualised Sortino ratio.</summary>
    public required double Sortino { get; init; }

    /// <summary>Maximum drawdown (≤ 0).</summary>
    public required double MaxDrawdown { get; init; }

    /// <summary>Calmar ratio, CAGR / |max drawdown|.</summary>
    public required double Calmar { get; init; }

    /// <summary>Parametric (Gaussian) value at risk of one period (a return, usually negative).</summary>
    public required double ValueAtRisk { get; init; }

    /// <summary>Conditional VaR: the mean of returns below <see cref="ValueAtRisk"/>.</summary>
    public required double ConditionalValueAtRisk { get; init; }

    /// <summary>Omega ratio at a zero threshold.</summary>
    public required double Omega { get; init; }

    /// <summary>Ulcer index (root mean square drawdown).</summary>
    public required double UlcerIndex { get; init; }

    /// <summary>The share of positive returns among non-zero returns.</summary>
    public required double WinRate { get; init; }

    /// <summary>Annualised turnover <c>Σ turnover / years</c>; NaN when no turnover series was given.</summary>
    public required double AnnualTurnover { get; init; }
}
