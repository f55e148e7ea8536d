using System.Globalization;
using QuantFunctions.Core.Performance;

namespace QuantFunctions.Core.Reporting;

/// <summary>The metric rows shared by the Markdown and HTML renderers (invariant culture).</summary>
internal static class MetricTable
{
    public static IReadOnlyList<(string Label, string Value)> Rows(TearSheet sheet)
    {
        PerformanceMetrics m = sheet.Metrics;
        string confidence = Number(sheet.Options.VarConfidence * 100, "0.##");
        return
        [
            ("Period", sheet.Dates.Length == 0 ? "n/a" : $"{Date(sheet.Dates[0])} → {Date(sheet.Dates[^1])}"),
            ("Observations", m.Observations.ToString(CultureInfo.InvariantCulture)),
            ("Periods per year", Number(sheet.Options.PeriodsPerYear, "0.##")),
            ("Total return", Percent(m.TotalReturn)),
            ("CAGR", Percent(m.Cagr)),
            ("Volatility (ann.)", Percent(m.Volatility)),
            ("Sharpe", Number(m.Sharpe, "0.00")),
            ("Sortino", Number(m.Sortino, "0.00")),
            ("Max drawdown", Percent(m.MaxDrawdown)),
            ("Calmar", Number(m.Calmar, "0.00")),
            ($"VaR {confidence}% (1 period)", Percent(m.ValueAtRisk)),
            ($"CVaR {confidence}% (1 period)", Percent(m.ConditionalValueAtRisk)),
            ("Omega", Number(m.Omega, "0.00")),
            ("Ulcer index", Number(m.UlcerIndex, "0.0000")),
            ("Win rate", Percent(m.WinRate)),
            ("Turnover (ann.)", Number(m.AnnualTurnover, "0.00")),
        ];
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Percent(double value) => double.IsFinite(value) ? (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "n/a";

    public static string Number(double value, string format) => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "n/a";
}
