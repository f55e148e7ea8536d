using System.Globalization;
using QuantFunctions.Core.Performance;

namespace QuantFunctions.Core.Reporting;

/// <summary>
/// The ordered metric rows of a tear sheet — (name, strategy value, benchmark value) — shared by the Markdown and
/// HTML renderers (invariant culture). The list is the one place that decides which metrics the table shows.
/// </summary>
public static class MetricTable
{
    /// <summary>The rows of a tear sheet; <see cref="MetricRow.Benchmark"/> is null when it has no benchmark.</summary>
    /// <param name="sheet">The tear sheet.</param>
    /// <returns>The rows in display order.</returns>
    public static IReadOnlyList<MetricRow> Rows(TearSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        PerformanceMetrics m = sheet.Metrics;
        PerformanceMetrics? b = sheet.BenchmarkMetrics;
        string confidence = Number(sheet.Options.VarConfidence * 100, "0.##");
        string period = sheet.Dates.Length == 0 ? "n/a" : $"{Date(sheet.Dates[0])} → {Date(sheet.Dates[^1])}";
        string periodsPerYear = Number(sheet.Options.PeriodsPerYear, "0.##");
        string? Same(string value) => b is null ? null : value;
        string? Bench(Func<PerformanceMetrics, string> format) => b is null ? null : format(b);
        return
        [
            new("Period", period, Same(period)),
            new("Observations", m.Observations.ToString(CultureInfo.InvariantCulture), Bench(x => x.Observations.ToString(CultureInfo.InvariantCulture))),
            new("Periods per year", periodsPerYear, Same(periodsPerYear)),
            new("Total return", Percent(m.TotalReturn), Bench(x => Percent(x.TotalReturn))),
            new("CAGR", Percent(m.Cagr), Bench(x => Percent(x.Cagr))),
            new("Volatility (ann.)", Percent(m.Volatility), Bench(x => Percent(x.Volatility))),
            new("Sharpe", Number(m.Sharpe, "0.00"), Bench(x => Number(x.Sharpe, "0.00"))),
            new("Sortino", Number(m.Sortino, "0.00"), Bench(x => Number(x.Sortino, "0.00"))),
            new("Max drawdown", Percent(m.MaxDrawdown), Bench(x => Percent(x.MaxDrawdown))),
            new("Calmar", Number(m.Calmar, "0.00"), Bench(x => Number(x.Calmar, "0.00"))),
            new($"VaR {confidence}% (1 period)", Percent(m.ValueAtRisk), Bench(x => Percent(x.ValueAtRisk))),
            new($"CVaR {confidence}% (1 period)", Percent(m.ConditionalValueAtRisk), Bench(x => Percent(x.ConditionalValueAtRisk))),
            new("Omega", Number(m.Omega, "0.00"), Bench(x => Number(x.Omega, "0.00"))),
            new("Ulcer index", Number(m.UlcerIndex, "0.0000"), Bench(x => Number(x.UlcerIndex, "0.0000"))),
            new("Win rate", Percent(m.WinRate), Bench(x => Percent(x.WinRate))),
            new("Turnover (ann.)", Number(m.AnnualTurnover, "0.00"), Bench(x => Number(x.AnnualTurnover, "0.00"))),
        ];
    }

    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Percent(double value) => double.IsFinite(value) ? (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "n/a";

    internal static string Number(double value, string format) => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "n/a";
}
