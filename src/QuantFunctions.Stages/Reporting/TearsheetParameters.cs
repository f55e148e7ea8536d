using System.ComponentModel.DataAnnotations;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Stages.Reporting;

/// <summary>Parameters of <c>report.tearsheet</c>.</summary>
public sealed record TearsheetParameters
{
    /// <summary>The sleeve (or meta-portfolio id) whose backtest is reported, when the node does not fan out.</summary>
    public string? Sleeve { get; init; }

    /// <summary>Periods per year for annualisation (365 for 24×7, 252 for sessions); null: the sleeve spec's, else 252.</summary>
    [Range(1.0, 366.0)]
    [Overridable]
    public double? PeriodsPerYear { get; init; }

    /// <summary>Annual risk-free rate for Sharpe and Sortino.</summary>
    [Range(-0.5, 1.0)]
    [Overridable]
    public double RiskFreeRate { get; init; }

    /// <summary>
    /// The benchmark: <c>auto</c> (null, the default: the sleeve universe equal-weighted, or a meta-portfolio's sleeves
    /// equal-weighted), <c>none</c>, or a symbol of the sleeve's universe (see <see cref="TearsheetBenchmark"/>).
    /// </summary>
    [Overridable]
    public string? Benchmark { get; init; }
}
