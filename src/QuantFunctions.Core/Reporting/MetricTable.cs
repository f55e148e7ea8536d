using QuantFunctions.Core.Performance;

namespace QuantFunctions.Core.Reporting;

/// <summary>
/// The ordered metric rows of a tear sheet — (name, strategy value, benchmark value) — shared by the Markdown and
/// HTML renderers: the period, periods per year and risk-free rate, then every row of
/// <see cref="PerformanceMetrics.Rows"/> in quantstats' order, text by <see cref="MetricText"/>. The benchmark column
/// shows the benchmark's own value of the same metric (quantstats' benchmark column); metrics relative to the
/// benchmark (beta, alpha, R², …) have an empty benchmark cell.
/// </summary>
public static class MetricTable
{
    /// <summary>The rows of a tear sheet; <see cref="MetricTableRow.Benchmark"/> is null when it has no benchmark.</summary>
    /// <param name="sheet">The tear sheet.</param>
    /// <returns>The rows in display order.</returns>
    public static IReadOnlyList<MetricTableRow> Rows(TearSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        bool hasBenchmark = sheet.BenchmarkMetrics is not null;
        var benchmark = new Dictionary<string, MetricRow>(StringComparer.Ordinal);
        foreach (MetricRow row in sheet.BenchmarkMetrics?.Rows() ?? [])
        {
            benchmark[row.Key] = row;
        }

        string period = sheet.Dates.Length == 0 ? "n/a" : $"{Date(sheet.Dates[0])} → {Date(sheet.Dates[^1])}";
        string periodsPerYear = Number(sheet.Options.PeriodsPerYear, "0.##");
        string riskFree = Percent(sheet.Options.RiskFreeRate);
        var rows = new List<MetricTableRow>(80)
        {
            new("Period", period, hasBenchmark ? period : null),
            new("Periods per year", periodsPerYear, hasBenchmark ? periodsPerYear : null),
            new("Risk-free rate", riskFree, hasBenchmark ? riskFree : null),
        };
        foreach (MetricRow row in sheet.Metrics.Rows())
        {
            if (row.Key is not ("start_date" or "end_date"))
            {
                string? b = !hasBenchmark ? null : benchmark.TryGetValue(row.Key, out MetricRow? other) ? MetricText.Format(other) : string.Empty;
                rows.Add(new(row.Label, MetricText.Format(row), b));
            }
        }

        return rows;
    }

    internal static string Date(DateOnly date) => MetricText.Date(date);

    internal static string Percent(double value) => MetricText.Percent(value);

    internal static string Number(double value, string format) => MetricText.Number(value, format);
}
