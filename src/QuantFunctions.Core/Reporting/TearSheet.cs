using QuantFunctions.Core.Market;
using QuantFunctions.Core.Performance;

namespace QuantFunctions.Core.Reporting;

/// <summary>Everything a tear sheet shows: metrics, equity and drawdown on dates.</summary>
/// <param name="Title">The title (e.g. the sleeve or portfolio name).</param>
/// <param name="Dates">One date per period.</param>
/// <param name="Equity">Equity after each period (starting from 1).</param>
/// <param name="Drawdown">Drawdown after each period (≤ 0).</param>
/// <param name="Metrics">The statistics.</param>
/// <param name="Options">The options the statistics were computed with.</param>
public sealed record TearSheet(string Title, DateOnly[] Dates, double[] Equity, double[] Drawdown, PerformanceMetrics Metrics, PerformanceOptions Options)
{
    /// <summary>Builds a tear sheet from a return series.</summary>
    /// <param name="title">The title.</param>
    /// <param name="dates">One date per return, strictly increasing.</param>
    /// <param name="returns">Periodic simple returns.</param>
    /// <param name="options">Metric options.</param>
    /// <param name="turnover">Optional turnover per period.</param>
    /// <returns>The tear sheet.</returns>
    /// <exception cref="DomainValidationException">On length mismatch, unsorted dates or invalid returns.</exception>
    public static TearSheet FromReturns(string title, DateOnly[] dates, double[] returns, PerformanceOptions options, double[]? turnover = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(title);
        var series = new DatedSeries(title, dates, returns);
        PerformanceMetrics metrics = PerformanceCalculator.Compute(series.Values, series.Dates, options, default, turnover);
        double[] equity = new double[returns.Length], drawdown = new double[returns.Length];
        EquityCurve.FromReturns(returns, equity);
        EquityCurve.Drawdowns(returns, drawdown);
        return new TearSheet(title, dates, equity, drawdown, metrics, options);
    }
}
