using QuantFunctions.Core.Performance;

namespace QuantFunctions.Core.Reporting;

/// <summary>The metric rows shared by the Markdown and HTML renderers, from <see cref="PerformanceMetrics.Rows"/> (text by <see cref="MetricText"/>).</summary>
internal static class MetricTable
{
    public static IReadOnlyList<(string Label, string Value)> Rows(TearSheet sheet)
    {
        var rows = new List<(string Label, string Value)>(80)
        {
            ("Period", sheet.Dates.Length == 0 ? "n/a" : $"{Date(sheet.Dates[0])} → {Date(sheet.Dates[^1])}"),
            ("Periods per year", Number(sheet.Options.PeriodsPerYear, "0.##")),
            ("Risk-free rate", Percent(sheet.Options.RiskFreeRate)),
        };
        foreach (MetricRow row in sheet.Metrics.Rows())
        {
            if (row.Key is not ("start_date" or "end_date"))
            {
                rows.Add((row.Label, MetricText.Format(row)));
            }
        }

        return rows;
    }

    public static string Date(DateOnly date) => MetricText.Date(date);

    public static string Percent(double value) => MetricText.Percent(value);

    public static string Number(double value, string format) => MetricText.Number(value, format);
}
